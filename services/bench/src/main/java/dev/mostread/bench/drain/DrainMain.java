package dev.mostread.bench.drain;

import dev.mostread.ranker.ranking.LooksPolicy;
import dev.mostread.ranker.ranking.RobotFilter;
import dev.mostread.ranker.stream.RankerMetrics;
import dev.mostread.ranker.stream.RankerTopology;
import dev.mostread.ranker.system.RankerProperties;
import dev.mostread.ranker.system.RankerStreams;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.system.KafkaSettings;
import dev.mostread.shared.system.ListsProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * One measured drain, in a JVM of its own (so heap, JIT and GC do not carry over between subjects); prints its
 * {@link DrainResult} as one JSON line on standard output.
 *
 * <pre>
 * DrainMain subject bootstrapServers topicPrefix views threads capSeconds [redisPort]
 * </pre>
 * Subjects: {@code plain-consumer}, {@code plain-consumer-bytes}, {@code mostread-eos}, {@code mostread-alos},
 * {@code streams-count-eos} ({@link CountFloorTopology}), {@code naive-hopping}, {@code redis-zincrby}.
 */
public final class DrainMain {

    public static final String RESULT_PREFIX = "RESULT ";
    /** System property with extra Kafka Streams settings for mostread's drains ({@code k=v;k=v}), for experiments. */
    public static final String STREAMS_CONFIG = "mostread.bench.streams";
    /** System property with the sorts whose lists mostread's drains keep ({@code views,trending}); views by default. */
    public static final String SORTS = "mostread.bench.sorts";

    private DrainMain() {}

    public static void main(String[] args) throws Exception {
        String subject = args[0];
        String bootstrap = args[1];
        Topics topics = new Topics(args[2]);
        long views = Long.parseLong(args[3]);
        int threads = Integer.parseInt(args[4]);
        Duration cap = Duration.ofSeconds(Long.parseLong(args[5]));
        DrainResult result = switch (subject) {
            case "plain-consumer" -> PlainConsumerDrain.run(bootstrap, topics.pageViews(), views, true);
            case "plain-consumer-bytes" -> PlainConsumerDrain.run(bootstrap, topics.pageViews(), views, false);
            case "mostread-eos" ->
                mostread(subject, bootstrap, topics, views, threads, cap, StreamsConfig.EXACTLY_ONCE_V2);
            case "mostread-alos" ->
                mostread(subject, bootstrap, topics, views, threads, cap, StreamsConfig.AT_LEAST_ONCE);
            case "streams-count-eos" -> countFloor(subject, bootstrap, topics, views, threads, cap);
            case "naive-hopping" -> naive(bootstrap, topics, views, threads, cap);
            case "redis-zincrby" ->
                RedisDrain.run(bootstrap, topics.pageViews(), views, Integer.parseInt(args[6]), cap);
            default -> throw new IllegalArgumentException("no such subject: " + subject);
        };
        System.out.println(RESULT_PREFIX + Json.mapper().writeValueAsString(result));
        System.exit(0);
    }

    /** The ranker's own topology with the ranker's own configuration; only the guarantee varies. */
    private static DrainResult mostread(
            String subject, String bootstrap, Topics topics, long views, int threads, Duration cap, String guarantee)
            throws Exception {
        RankerRun ranker = RankerRun.of(subject, bootstrap, threads, guarantee);
        RankerProperties properties = ranker.properties();
        ListsProperties lists = ranker.lists();
        RobotFilter.warmUp();
        RankerTopology.Settings settings = new RankerTopology.Settings(
                6,
                6,
                properties.tick(),
                properties.catchUp().toCatchUp(),
                properties.listSize(),
                Duration.ofSeconds(30),
                Map.of(),
                new RobotFilter(properties.userAgentCacheSize()),
                new LooksPolicy(3, Map.of()),
                properties.caps().toStateCaps(),
                lists.windows(),
                lists.sorts(),
                properties.trending().toRule());
        return StreamsDrain.run(
                subject,
                RankerTopology.build(topics, settings, new RankerMetrics(new SimpleMeterRegistry())),
                ranker.config(),
                topics.pageViews(),
                views,
                cap,
                null);
    }

    /** {@link CountFloorTopology} with the ranker's own configuration (exactly-once, its threads and commits). */
    private static DrainResult countFloor(
            String subject, String bootstrap, Topics topics, long views, int threads, Duration cap) throws Exception {
        return StreamsDrain.run(
                subject,
                CountFloorTopology.build(topics.pageViews()),
                RankerRun.of(subject, bootstrap, threads, StreamsConfig.EXACTLY_ONCE_V2)
                        .config(),
                topics.pageViews(),
                views,
                cap,
                null);
    }

    /** The ranker's properties and Kafka Streams configuration for one drain. */
    private record RankerRun(RankerProperties properties, ListsProperties lists, Properties config) {

        static RankerRun of(String subject, String bootstrap, int threads, String guarantee) throws IOException {
            String id = "bench-" + subject + "-" + UUID.randomUUID();
            // The product's own defaults, bound as Spring binds them (tick, commit interval, list size, ...): only the
            // guarantee, the threads and the lists vary, and the scale run tracks a million articles of one site, so
            // its cap is raised to measure counting, not eviction. Views only unless -Dmostread.bench.sorts.
            Map<String, String> overrides = new java.util.HashMap<>();
            overrides.put("mostread.ranker.application-id", id);
            overrides.put("mostread.ranker.stream-threads", Integer.toString(threads));
            overrides.put("mostread.ranker.caps.articles-per-site", "1000000");
            overrides.put("mostread.ranker.streams[" + StreamsConfig.PROCESSING_GUARANTEE_CONFIG + "]", guarantee);
            overrides.put("mostread.ranker.sorts", System.getProperty(SORTS, "views"));
            Binder binder = new Binder(new MapConfigurationPropertySource(overrides));
            RankerProperties properties = binder.bindOrCreate("mostread.ranker", RankerProperties.class);
            ListsProperties lists = binder.bindOrCreate("mostread.ranker", ListsProperties.class);
            Path stateDir = Files.createTempDirectory("mostread-bench-state");
            Properties config = RankerStreams.streamsConfig(
                    new KafkaSettings(bootstrap, 6, (short) 0, Map.of(), null),
                    lists.applicationId(),
                    properties,
                    stateDir,
                    id);
            for (String setting : System.getProperty(STREAMS_CONFIG, "").split(";")) {
                if (setting.contains("=")) {
                    config.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
                }
            }
            return new RankerRun(properties, lists, config);
        }
    }

    /** The textbook topology with Kafka Streams' defaults; too slow to finish, so it runs for {@code cap}. */
    private static DrainResult naive(String bootstrap, Topics topics, long views, int threads, Duration cap)
            throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-naive-" + UUID.randomUUID());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("mostread-bench-state").toString());
        LongAdder processed = new LongAdder();
        RobotFilter.warmUp();
        return StreamsDrain.run(
                "naive-hopping",
                NaiveTopNTopology.build(
                        topics.pageViews(), topics.prefix() + "naive-top-n", 50, new RobotFilter(10_000), processed),
                config,
                topics.pageViews(),
                views,
                cap,
                processed::sum);
    }
}
