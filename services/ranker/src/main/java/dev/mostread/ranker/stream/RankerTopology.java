package dev.mostread.ranker.stream;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import dev.mostread.shared.kafka.JsonSerde;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.ranking.Ranking;

/**
 * The ranker's topology, as a pure factory: no broker, no running streams, nothing configured here but the
 * graph itself.
 *
 * <pre>
 * page-views ─parse─┬─ invalid ──────────────────────────────────────────────► page-views-dlq
 *                   ├─ in its article's partition ─┐
 *                   └─ any other key ─► [page-views-by-article] ─┴─► count-articles (article-tallies)
 *                                                                          │ per tick: changed top N
 *                                                                          ▼
 *                               rankings ◄── publish-lists (published-lists) ◄── [list-candidates]
 * </pre>
 */
public final class RankerTopology {

    public static final String TALLY_STORE = "article-tallies";
    public static final String LISTS_STORE = "published-lists";
    public static final String BY_ARTICLE_REPARTITION = "page-views-by-article";
    public static final String CANDIDATES_REPARTITION = "list-candidates";

    /**
     * @param pageViewPartitions partitions of {@code page-views}: tells which records already sit in their article's partition
     * @param tick how often each partition proposes its changed lists (and ages its counts)
     * @param listSize how many items each published list keeps
     */
    public record Settings(int pageViewPartitions, Duration tick, int listSize) {
        public static final Settings DEFAULTS = new Settings(6, Duration.ofSeconds(1), 50);
    }

    private RankerTopology() {
    }

    public static Topology build(Topics topics, Settings settings, RankerMetrics metrics) {
        Serde<byte[]> bytes = Serdes.ByteArray();
        Serde<String> strings = Serdes.String();
        Serde<PageView> pageViews = new JsonSerde<>(PageView.class);
        Serde<PartitionCandidates> candidates = new JsonSerde<>(PartitionCandidates.class);
        Serde<Ranking> rankings = new JsonSerde<>(Ranking.class);

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(new TallyStoreBuilder(TALLY_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LISTS_STORE), strings,
                new JsonSerde<>(ListState.class)));

        Map<String, KStream<byte[], ParsedView>> routes = builder
                .stream(topics.pageViews(), Consumed.with(bytes, bytes).withName("page-views-source"))
                .processValues(() -> new ParsePageView(settings.pageViewPartitions(), metrics),
                        Named.as("parse-page-views"))
                .split(Named.as("route-"))
                .branch((key, parsed) -> parsed.isInvalid(), Branched.as("invalid"))
                .branch((key, parsed) -> parsed.inArticlePartition(), Branched.as("direct"))
                .defaultBranch(Branched.as("rekey"));

        routes.get("route-invalid")
                .mapValues(ParsedView::raw, Named.as("dead-letter-value"))
                .to(topics.pageViewsDlq(), Produced.with(bytes, bytes).withName("dead-letters"));

        KStream<String, PageView> direct = routes.get("route-direct")
                .map((key, parsed) -> KeyValue.pair(parsed.view().articleKey(), parsed.view()), Named.as("direct-key"));
        KStream<String, PageView> rekeyed = routes.get("route-rekey")
                .map((key, parsed) -> KeyValue.pair(parsed.view().articleKey(), parsed.view()), Named.as("article-key"))
                .repartition(Repartitioned.<String, PageView>as(BY_ARTICLE_REPARTITION)
                        .withKeySerde(strings).withValueSerde(pageViews));

        direct.merge(rekeyed, Named.as("views-by-article"))
                .process(() -> new ArticleCounter(TALLY_STORE, settings.tick(), settings.listSize(), metrics),
                        Named.as("count-articles"), TALLY_STORE)
                .repartition(Repartitioned.<String, PartitionCandidates>as(CANDIDATES_REPARTITION)
                        .withKeySerde(strings).withValueSerde(candidates))
                .process(() -> new ListPublisher(LISTS_STORE, settings.listSize(), metrics),
                        Named.as("publish-lists"), LISTS_STORE)
                .to(topics.rankings(), Produced.with(strings, rankings).withName("rankings-sink"));

        return builder.build();
    }
}
