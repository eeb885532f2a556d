package dev.mostread.ranker.system;

import dev.mostread.ranker.ranking.StateCaps;
import dev.mostread.ranker.ranking.TrendingRule;
import dev.mostread.ranker.stream.RankerTopology;
import dev.mostread.shared.system.ListsProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ranker's settings ({@code mostread.ranker.*}). Its {@code application-id} and which lists are kept
 * ({@code mostread.ranker.sorts} and {@code published-within}) are {@link ListsProperties}, which the APIs read too.
 *
 * @param tick how often each partition proposes its changed lists and ages its counts
 * @param catchUp when a partition counts as working through a backlog, and how often it proposes its lists then
 * @param listSize items kept in each published list (the API's {@code limit} goes up to this)
 * @param streamThreads stream threads per instance: two by default, so that one thread counts while the other waits
 *                      for its exactly-once commit (docs/PERFORMANCE.md, "Issue 15, seventh pass")
 * @param standbyReplicas warm copies of each task's state on other instances ({@code num.standby.replicas})
 * @param commitInterval how often offsets and state are committed (one exactly-once transaction each)
 * @param instanceId static group membership id; empty takes one kept in the state directory, so a restarted
 *        instance rejoins without waiting for its old session to time out
 * @param userAgentCacheSize distinct user agents whose robot verdict is remembered
 * @param caps what each partition's counting state may grow to (§7)
 * @param stallTimeout how long input may wait with no commit before the ranker reports itself stalled
 * @param closeTimeout how long a graceful stop waits for the stream threads to commit and close: keep it below the
 *                     orchestrator's grace period (compose sets {@code stop_grace_period: 30s})
 * @param trending how trending scores are worked out (README, "Trending")
 * @param streams any other Kafka Streams property, passed as it is
 */
@ConfigurationProperties("mostread.ranker")
@org.springframework.validation.annotation.Validated
public record RankerProperties(
        @DefaultValue("250ms") @NotNull Duration tick,
        @DefaultValue @Valid CatchUp catchUp,
        @DefaultValue("70") @Min(1) @Max(1000) int listSize,
        @DefaultValue("2") @Min(1) @Max(64) int streamThreads,
        @DefaultValue("0") @Min(0) int standbyReplicas,
        @DefaultValue("100ms") @NotNull Duration commitInterval,
        @DefaultValue("") String instanceId,
        @DefaultValue("10000") @Min(1) int userAgentCacheSize,
        @DefaultValue @Valid Caps caps,
        @DefaultValue("60s") @NotNull Duration stallTimeout,
        @DefaultValue("20s") @NotNull Duration closeTimeout,
        @DefaultValue @Valid Trending trending,
        Map<String, String> streams) {

    public RankerProperties {
        streams = streams == null ? Map.of() : Map.copyOf(streams);
    }

    /**
     * {@code sort=trending} ({@link TrendingRule}).
     *
     * @param newArticleViews views a typical new article of these sites gets per quarter hour: what an article with
     *                        little history is compared with
     * @param priorQuarters how many quarter hours of history that typical new article counts for
     * @param smoothing pseudo-views added to an article's recent views and to its expectation, so that a handful
     *                  of views cannot top the list
     */
    public record Trending(
            @DefaultValue("5") @PositiveOrZero double newArticleViews,
            @DefaultValue("4") @Positive double priorQuarters,
            @DefaultValue("10") @Positive double smoothing) {

        public TrendingRule toRule() {
            return new TrendingRule(newArticleViews, priorQuarters, smoothing);
        }
    }

    /**
     * A partition working through a backlog proposes its lists less often (README, "Behind, it proposes less
     * often").
     *
     * @param after how late a partition is before it counts as behind: the newest view it counted since its last
     *              proposal reached mostread longer ago than this
     * @param tick how often it proposes its lists while behind: not shorter than {@code mostread.ranker.tick}
     */
    public record CatchUp(
            @DefaultValue("5s") @NotNull Duration after,
            @DefaultValue("1s") @NotNull Duration tick) {

        public RankerTopology.CatchUp toCatchUp() {
            return new RankerTopology.CatchUp(after, tick);
        }
    }

    /**
     * @param sites distinct sites per partition; views of others are not counted
     * @param sectionsPerSite distinct sections per site and partition; views in others count in all-sections lists only
     * @param articlesPerSite tracked articles per site and partition; the least-viewed in no list are forgotten
     */
    public record Caps(
            @DefaultValue("1000") @Min(1) int sites,
            @DefaultValue("200") @Min(1) int sectionsPerSite,
            @DefaultValue("50000") @Min(1) int articlesPerSite) {

        public StateCaps toStateCaps() {
            return new StateCaps(sites, sectionsPerSite, articlesPerSite);
        }
    }
}
