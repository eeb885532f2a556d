package dev.mostread.ranker.system;

import dev.mostread.ranker.ranking.StateCaps;
import dev.mostread.ranker.ranking.TrendingRule;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ranker's settings ({@code mostread.ranker.*}).
 *
 * @param applicationId the Kafka Streams {@code application.id}: every instance with the same id shares the work
 * @param tick how often each partition proposes its changed lists and ages its counts
 * @param listSize items kept in each published list (the API's {@code limit} goes up to this)
 * @param streamThreads stream threads per instance
 * @param standbyReplicas warm copies of each task's state on other instances ({@code num.standby.replicas})
 * @param commitInterval how often offsets and state are committed (one exactly-once transaction each)
 * @param instanceId static group membership id; empty takes one kept in the state directory, so a restarted
 *        instance rejoins without waiting for its old session to time out
 * @param userAgentCacheSize distinct user agents whose robot verdict is remembered
 * @param caps what each partition's counting state may grow to (§7)
 * @param stallTimeout how long input may wait with no commit before the ranker reports itself stalled
 * @param closeTimeout how long a graceful stop waits for the stream threads to commit and close: keep it below the
 *                     orchestrator's grace period (compose sets {@code stop_grace_period: 30s})
 * @param publishedWithin the {@code published} windows (§4.1): each list is also kept for the articles published
 *                        (or first seen) within each of them
 * @param sorts the sorts whose lists are kept: {@code views} always; {@code visitors} doubles the lists;
 *              {@code trending} adds one list per section and window (no periods)
 * @param trending how trending scores are worked out (README, "Trending")
 * @param streams any other Kafka Streams property, passed as it is
 */
@ConfigurationProperties("mostread.ranker")
public record RankerProperties(
        @DefaultValue("mostread-ranker") String applicationId,
        @DefaultValue("250ms") Duration tick,
        @DefaultValue("70") int listSize,
        @DefaultValue("1") int streamThreads,
        @DefaultValue("0") int standbyReplicas,
        @DefaultValue("100ms") Duration commitInterval,
        @DefaultValue("") String instanceId,
        @DefaultValue("10000") int userAgentCacheSize,
        @DefaultValue Caps caps,
        @DefaultValue("60s") Duration stallTimeout,
        @DefaultValue("20s") Duration closeTimeout,
        @DefaultValue({}) java.util.List<Duration> publishedWithin,
        @DefaultValue("views") java.util.List<dev.mostread.shared.ranking.Sort> sorts,
        @DefaultValue Trending trending,
        Map<String, String> streams) {

    public RankerProperties {
        streams = streams == null ? Map.of() : Map.copyOf(streams);
        publishedWithin = publishedWithin == null ? java.util.List.of() : java.util.List.copyOf(publishedWithin);
        sorts = sorts == null || sorts.isEmpty() ? java.util.List.of(dev.mostread.shared.ranking.Sort.VIEWS)
                : java.util.List.copyOf(sorts);
    }

    /** The {@code published} windows, each named by its code ({@code 48h}). */
    public java.util.List<dev.mostread.shared.ranking.PublishedWindow> windows() {
        return publishedWithin.stream().distinct().map(dev.mostread.shared.ranking.PublishedWindow::of).toList();
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
            @DefaultValue("5") double newArticleViews,
            @DefaultValue("4") double priorQuarters,
            @DefaultValue("10") double smoothing) {

        public TrendingRule toRule() {
            return new TrendingRule(newArticleViews, priorQuarters, smoothing);
        }
    }

    /**
     * @param sites distinct sites per partition; views of others are not counted
     * @param sectionsPerSite distinct sections per site and partition; views in others count in all-sections lists only
     * @param articlesPerSite tracked articles per site and partition; the least-viewed in no list are forgotten
     */
    public record Caps(
            @DefaultValue("1000") int sites,
            @DefaultValue("200") int sectionsPerSite,
            @DefaultValue("50000") int articlesPerSite) {

        public StateCaps toStateCaps() {
            return new StateCaps(sites, sectionsPerSite, articlesPerSite);
        }
    }
}
