package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.LooksPolicy;
import dev.mostread.ranker.ranking.RobotFilter;
import dev.mostread.ranker.ranking.SiteDays;
import dev.mostread.ranker.ranking.StateCaps;
import dev.mostread.ranker.ranking.TrendingRule;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.kafka.JsonSerde;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.operator.ViewTotals;
import dev.mostread.shared.ranking.PublishedWindow;
import dev.mostread.shared.ranking.Ranking;
import dev.mostread.shared.ranking.Sort;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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

/**
 * The ranker's topology, as a pure factory: no broker, no running streams, nothing configured here but the
 * graph itself.
 *
 * <pre>
 *                 (parse and count-articles share view-totals)
 * page-views ─parse─┬─ unreadable ────────────────────────────────────────────► page-views-dlq
 *                   ├─ in its article's partition ──────────────────┐                ▲
 *                   └─ any other key ─► [page-views-by-article] ────┤                │
 * articles ───parse─┬─ not a valid entry ─────────────────────────────────────────────┘
 *                   ├─ in its article's partition ──────────────────┤
 *                   └─ any other key ─► [articles-by-article] ──────┴─► count-articles
 *                          (article-tallies: counts, visits journal)
 *                                                                          │ per tick: changed top N,
 *                                                                          ▼ in batches of bounded size
 *                               rankings ◄── publish-lists (published-lists) ◄── [list-candidates]
 *
 * The view-totals store keeps each task's exact totals of what became of its views, for the dashboard
 * ({@link ViewTotals}). Both sources take a record without a timestamp at the time received; a record that fails anywhere later
 * goes to page-views-dlq too, through the exception handlers the ranker configures.
 * </pre>
 */
public final class RankerTopology {

    public static final String TALLY_STORE = "article-tallies";
    public static final String LISTS_STORE = "published-lists";
    public static final String VIEWS_BY_ARTICLE = "page-views-by-article";
    public static final String CATALOG_BY_ARTICLE = "articles-by-article";
    public static final String CANDIDATES_REPARTITION = "list-candidates";
    /** How often the publisher merges the lists that received candidates: a small part of the freshness budget. */
    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(50);

    /**
     * @param pageViewPartitions partitions of {@code page-views}: tells which records already sit in their article's partition
     * @param articlePartitions partitions of {@code articles}
     * @param tick how often each partition proposes its changed lists (and ages its counts)
     * @param catchUp when a partition is working through a backlog, and how often it proposes its lists then
     * @param listSize how many items each published list keeps
     * @param dedupeWindow a visitor's views of one article closer than this (event time) count once
     * @param zones each site's time zone, for "today" (UTC when absent)
     * @param robots tells robots by their user agent
     * @param looks what page views may change in how an article looks
     * @param caps what one partition's state may grow to
     * @param publishedWithin the {@code published} windows: every list is kept once more per window
     * @param sorts the sorts kept (views always): every list is kept once per sort
     * @param trending how trending scores are worked out
     */
    public record Settings(
            int pageViewPartitions,
            int articlePartitions,
            Duration tick,
            CatchUp catchUp,
            int listSize,
            Duration dedupeWindow,
            Map<String, ZoneId> zones,
            RobotFilter robots,
            LooksPolicy looks,
            StateCaps caps,
            List<PublishedWindow> publishedWithin,
            List<Sort> sorts,
            TrendingRule trending) {

        public Settings {
            publishedWithin = List.copyOf(publishedWithin);
            sorts = List.copyOf(sorts);
            if (catchUp.tick().compareTo(tick) < 0) {
                throw new IllegalArgumentException("The catch-up tick " + catchUp.tick() + " is shorter than the tick");
            }
        }
    }

    /**
     * A partition is behind when even the newest view it counted since its last proposal reached mostread more
     * than {@code after} ago (a drain, a restore, a spike); then it proposes its lists every {@code tick} instead
     * of every tick. Each proposal costs the same however many views it carries, and lists that are seconds late
     * already gain nothing from a quicker one: the time goes to the views.
     */
    public record CatchUp(Duration after, Duration tick) {

        /** Never behind: every tick proposes. */
        public static CatchUp never(Duration tick) {
            return new CatchUp(Duration.ofMillis(Long.MAX_VALUE), tick);
        }
    }

    private RankerTopology() {}

    public static Topology build(Topics topics, Settings settings, RankerMetrics metrics) {
        Serde<byte[]> bytes = Serdes.ByteArray();
        Serde<String> strings = Serdes.String();
        Serde<ArticleKey> articles = ArticleKey.serde();
        Serde<ArticleInput> inputs = new JsonSerde<>(ArticleInput.class);
        Serde<CandidateBatch> candidates = new CandidatesCodec();
        Serde<Ranking> rankings = new JsonSerde<>(Ranking.class);
        ArticlePartitions viewPartitions = new ArticlePartitions(settings.pageViewPartitions());
        ArticlePartitions catalogPartitions = settings.articlePartitions() == settings.pageViewPartitions()
                ? new ArticlePartitions(settings.articlePartitions())
                : ArticlePartitions.none();

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(new WriteBehindStoreBuilder<>(TALLY_STORE, TallyStore::new));
        builder.addStateStore(new WriteBehindStoreBuilder<>(LISTS_STORE, ListStore::new));
        builder.addStateStore(
                new WriteBehindStoreBuilder<>(Stores.inMemoryKeyValueStore(ViewTotals.STORE), TotalsStore::new));

        Map<String, KStream<byte[], ParsedView>> views = builder.stream(
                        topics.pageViews(),
                        Consumed.with(bytes, bytes)
                                .withName("page-views-source")
                                .withTimestampExtractor(new ReceiveTimeWhenMissing()))
                .processValues(
                        () -> new ParsePageView(viewPartitions, settings.robots(), metrics),
                        Named.as("parse-page-views"),
                        ViewTotals.STORE)
                .split(Named.as("views-"))
                .branch((key, parsed) -> parsed.isInvalid(), Branched.as("invalid"))
                .branch((key, parsed) -> parsed.inArticlePartition(), Branched.as("in-place"))
                .defaultBranch(Branched.as("elsewhere"));
        views.get("views-invalid")
                .mapValues(ParsedView::raw, Named.as("dead-letter-value"))
                .to(topics.pageViewsDlq(), Produced.with(bytes, bytes).withName("dead-letters"));

        Map<String, KStream<byte[], ParsedView>> catalog = builder.stream(
                        topics.articles(),
                        Consumed.with(bytes, bytes)
                                .withName("articles-source")
                                .withTimestampExtractor(new ReceiveTimeWhenMissing()))
                .processValues(() -> new ParseArticle(catalogPartitions, metrics), Named.as("parse-articles"))
                .split(Named.as("catalog-"))
                .branch((key, parsed) -> parsed.isInvalid(), Branched.as("invalid"))
                .branch((key, parsed) -> parsed.inArticlePartition(), Branched.as("in-place"))
                .defaultBranch(Branched.as("elsewhere"));

        catalog.get("catalog-invalid")
                .mapValues(ParsedView::raw, Named.as("dead-letter-catalog-value"))
                .to(topics.pageViewsDlq(), Produced.with(bytes, bytes).withName("catalog-dead-letters"));

        byArticle(views.get("views-in-place"), "views-keyed")
                .merge(
                        byArticle(views.get("views-elsewhere"), "views-rekeyed")
                                .repartition(Repartitioned.<ArticleKey, ArticleInput>as(VIEWS_BY_ARTICLE)
                                        .withKeySerde(articles)
                                        .withValueSerde(inputs)),
                        Named.as("views-by-article"))
                .merge(byArticle(catalog.get("catalog-in-place"), "catalog-keyed"), Named.as("views-and-catalog"))
                .merge(
                        byArticle(catalog.get("catalog-elsewhere"), "catalog-rekeyed")
                                .repartition(Repartitioned.<ArticleKey, ArticleInput>as(CATALOG_BY_ARTICLE)
                                        .withKeySerde(articles)
                                        .withValueSerde(inputs)
                                        .withNumberOfPartitions(settings.pageViewPartitions())),
                        Named.as("article-inputs"))
                .process(
                        () -> new ArticleCounter(settings, metrics),
                        Named.as("count-articles"),
                        TALLY_STORE,
                        ViewTotals.STORE)
                .repartition(Repartitioned.<String, CandidateBatch>as(CANDIDATES_REPARTITION)
                        .withKeySerde(strings)
                        .withValueSerde(candidates))
                .process(
                        () -> new ListPublisher(
                                LISTS_STORE,
                                settings.listSize(),
                                PUBLISH_INTERVAL,
                                new SiteDays(settings.zones()),
                                metrics),
                        Named.as("publish-lists"),
                        LISTS_STORE)
                .to(topics.rankings(), Produced.with(strings, rankings).withName("rankings-sink"));

        return builder.build();
    }

    private static KStream<ArticleKey, ArticleInput> byArticle(KStream<byte[], ParsedView> parsed, String name) {
        return parsed.map((key, value) -> KeyValue.pair(value.articleKey(), value.input()), Named.as(name));
    }
}
