package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.LooksPolicy;
import dev.mostread.ranker.ranking.RobotFilter;
import dev.mostread.ranker.ranking.StateCaps;
import dev.mostread.shared.kafka.JsonSerde;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.operator.ViewTotals;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import dev.mostread.shared.ranking.Sort;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The real ranker topology in a {@link TopologyTestDriver}, with the inputs and outputs tests need. */
final class RankerDriver implements AutoCloseable {

    static final Topics TOPICS = new Topics("");
    static final Duration TICK = Duration.ofSeconds(1);
    private static final RobotFilter ROBOTS = new RobotFilter(100);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, String> pageViews;
    final TestInputTopic<String, String> articles;
    final TestOutputTopic<String, Ranking> rankings;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    private final TestOutputTopic<String, byte[]> totalsChangelog;
    private final Map<String, Long> totals = new java.util.HashMap<>();

    RankerDriver(Instant start) {
        this(start, Map.of());
    }

    RankerDriver(Instant start, Map<String, ZoneId> zones) {
        this(start, zones, new LooksPolicy(3, Map.of()), StateCaps.DEFAULTS);
    }

    RankerDriver(Instant start, Map<String, ZoneId> zones, LooksPolicy looks, StateCaps caps) {
        this(start, zones, looks, caps, List.of());
    }

    RankerDriver(
            Instant start,
            Map<String, ZoneId> zones,
            LooksPolicy looks,
            StateCaps caps,
            List<dev.mostread.shared.ranking.PublishedWindow> windows) {
        this(start, zones, looks, caps, windows, List.of(Sort.VIEWS, Sort.VISITORS));
    }

    /** @param sorts the sorts kept (views and visitors in the other constructors) */
    RankerDriver(
            Instant start,
            Map<String, ZoneId> zones,
            LooksPolicy looks,
            StateCaps caps,
            List<dev.mostread.shared.ranking.PublishedWindow> windows,
            List<Sort> sorts) {
        this(start, zones, looks, caps, windows, sorts, RankerTopology.CatchUp.never(TICK));
    }

    /** @param catchUp when a partition is behind, and how often it proposes then (never behind elsewhere) */
    RankerDriver(Instant start, RankerTopology.CatchUp catchUp) {
        this(
                start,
                Map.of(),
                new LooksPolicy(3, Map.of()),
                StateCaps.DEFAULTS,
                List.of(),
                List.of(Sort.VIEWS),
                catchUp);
    }

    private RankerDriver(
            Instant start,
            Map<String, ZoneId> zones,
            LooksPolicy looks,
            StateCaps caps,
            List<dev.mostread.shared.ranking.PublishedWindow> windows,
            List<Sort> sorts,
            RankerTopology.CatchUp catchUp) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ranker-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.STATE_DIR_CONFIG, freshStateDir());
        RankerTopology.Settings settings = new RankerTopology.Settings(
                1,
                1,
                TICK,
                catchUp,
                50,
                Duration.ofSeconds(30),
                zones,
                ROBOTS,
                looks,
                caps,
                windows,
                sorts,
                dev.mostread.ranker.ranking.TrendingRule.DEFAULTS);
        driver = new TopologyTestDriver(
                RankerTopology.build(TOPICS, settings, new RankerMetrics(registry)), config, start);
        pageViews = driver.createInputTopic(TOPICS.pageViews(), new StringSerializer(), new StringSerializer());
        articles = driver.createInputTopic(TOPICS.articles(), new StringSerializer(), new StringSerializer());
        rankings = driver.createOutputTopic(
                TOPICS.rankings(), new StringDeserializer(), new JsonSerde<>(Ranking.class).deserializer());
        deadLetters = driver.createOutputTopic(
                TOPICS.pageViewsDlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        totalsChangelog = driver.createOutputTopic(
                ViewTotals.changelog("ranker-test"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A task's exact total ({@code counted}, {@code filtered.robot}, ...) as the dashboard reads it: the newest value
     * committed to the totals' changelog (one partition here).
     */
    long total(String name) {
        totalsChangelog.readKeyValuesToList().forEach(kv -> totals.put(kv.key, ViewTotals.decode(kv.value)));
        return totals.getOrDefault(name, 0L);
    }

    private static String freshStateDir() {
        try {
            return java.nio.file.Files.createTempDirectory("ranker-test-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A page view as JSON; {@code extra} adds fields such as {@code "visitorId":"v1"}. */
    static String json(String site, String articleId, String section, Instant at, String... extra) {
        StringBuilder json = new StringBuilder("{\"site\":\"" + site + "\",\"articleId\":\"" + articleId + "\",");
        if (section != null) {
            json.append("\"section\":\"").append(section).append("\",");
        }
        json.append("\"title\":\"Title ")
                .append(articleId)
                .append("\",\"url\":\"https://")
                .append(site)
                .append(".example/")
                .append(articleId)
                .append("\",\"timestamp\":")
                .append(at.toEpochMilli());
        for (String field : extra) {
            json.append(',').append(field);
        }
        return json.append('}').toString();
    }

    void view(String site, String articleId, String section, Instant at, String... extra) {
        pageViews.pipeInput(site + "/" + articleId, json(site, articleId, section, at, extra), at);
    }

    /** Writes a catalog entry (or, with {@code json} null, a tombstone) for an article. */
    void catalog(String site, String articleId, String json, Instant at) {
        articles.pipeInput(site + "/" + articleId, json, at);
    }

    /**
     * Moves the wall clock by {@code duration}, then by the publisher's merge interval (so lists proposed at the
     * end of the move are merged too), and returns the newest list published per key meanwhile.
     */
    Map<String, Ranking> advance(Duration duration) {
        driver.advanceWallClockTime(duration);
        driver.advanceWallClockTime(RankerTopology.PUBLISH_INTERVAL);
        Map<String, Ranking> latest = new LinkedHashMap<>();
        rankings.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    Map<String, Ranking> tick() {
        return advance(TICK);
    }

    /** Views filtered for {@code reason}: the meter, checked against the exact total every time it is read. */
    double filtered(String reason) {
        double meter = registry.get("mostread.views.filtered")
                .tag("reason", reason)
                .counter()
                .count();
        org.assertj.core.api.Assertions.assertThat(total(ViewTotals.FILTERED_PREFIX + reason))
                .as("exact total of views filtered as %s", reason)
                .isEqualTo((long) meter);
        return meter;
    }

    double deadLettered(String stage) {
        var counter = registry.find("mostread.dead.letters").tag("stage", stage).counter();
        return counter == null ? 0 : counter.count();
    }

    double limitsHit(String limit) {
        var counter = registry.find("mostread.limits.hit").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Views counted: the meter, checked against the exact total every time it is read. */
    double counted() {
        double meter = registry.get("mostread.views.counted").counter().count();
        org.assertj.core.api.Assertions.assertThat(total(ViewTotals.COUNTED))
                .as("exact total of views counted")
                .isEqualTo((long) meter);
        return meter;
    }

    static List<String> ids(Ranking ranking) {
        return ranking.items().stream().map(RankedItem::articleId).toList();
    }

    static List<Long> views(Ranking ranking) {
        return ranking.items().stream().map(RankedItem::views).toList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
