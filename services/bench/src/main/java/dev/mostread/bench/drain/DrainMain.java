package dev.mostread.bench.drain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import org.apache.kafka.streams.StreamsConfig;

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

/**
 * One measured drain, in a JVM of its own (so heap, JIT and GC do not carry over between subjects); prints its
 * {@link DrainResult} as one JSON line on standard output.
 *
 * <pre>
 * DrainMain subject bootstrapServers topicPrefix views threads capSeconds [redisPort]
 * </pre>
 * Subjects: {@code plain-consumer}, {@code plain-consumer-bytes}, {@code mostread-eos}, {@code mostread-alos},
 * {@code naive-hopping}, {@code redis-zincrby}.
 */
public final class DrainMain {

    public static final String RESULT_PREFIX = "RESULT ";
    /** System property with extra Kafka Streams settings for mostread's drains ({@code k=v;k=v}), for experiments. */
    public static final String STREAMS_CONFIG = "mostread.bench.streams";
    /** System property with the sorts whose lists mostread's drains keep ({@code views,trending}); views by default. */
    public static final String SORTS = "mostread.bench.sorts";

    private DrainMain() {
    }

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
            case "mostread-eos" -> mostread(subject, bootstrap, topics, views, threads, cap, StreamsConfig.EXACTLY_ONCE_V2);
            case "mostread-alos" -> mostread(subject, bootstrap, topics, views, threads, cap, StreamsConfig.AT_LEAST_ONCE);
            case "naive-hopping" -> naive(bootstrap, topics, views, threads, cap);
            case "redis-zincrby" -> RedisDrain.run(bootstrap, topics.pageViews(), views, Integer.parseInt(args[6]), cap);
            default -> throw new IllegalArgumentException("no such subject: " + subject);
        };
        System.out.println(RESULT_PREFIX + Json.mapper().writeValueAsString(result));
        System.exit(0);
    }

    /** The ranker's own topology with the ranker's own configuration; only the guarantee varies. */
    private static DrainResult mostread(String subject, String bootstrap, Topics topics, long views, int threads,
                                        Duration cap, String guarantee) throws Exception {
        String id = "bench-" + subject + "-" + UUID.randomUUID();
        // The scale run tracks a million articles of one site: caps are raised so that it measures counting, not eviction.
        // the product's default list size and lists (no published window, views only unless -Dmostread.bench.sorts)
        RankerProperties properties = new RankerProperties(Duration.ofMillis(250), 70, threads, 0,
                Duration.ofMillis(100), "", 10_000, new RankerProperties.Caps(1_000, 200, 1_000_000),
                Duration.ofSeconds(60), Duration.ofSeconds(20), new RankerProperties.Trending(5, 4, 10),
                Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee));
        ListsProperties lists = new ListsProperties(id, java.util.Arrays.stream(System.getProperty(SORTS, "views").split(","))
                .map(code -> dev.mostread.shared.ranking.Sort.fromCode(code.trim()).orElseThrow()).toList(), List.of());
        Path stateDir = Files.createTempDirectory("mostread-bench-state");
        Properties config = RankerStreams.streamsConfig(new KafkaSettings(bootstrap, 6, (short) 0, Map.of(), null),
                id, properties, stateDir, id);
        for (String setting : System.getProperty(STREAMS_CONFIG, "").split(";")) {
            if (setting.contains("=")) {
                config.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        RobotFilter.warmUp();
        RankerTopology.Settings settings = new RankerTopology.Settings(6, 6, properties.tick(), properties.listSize(),
                Duration.ofSeconds(30), Map.of(), new RobotFilter(properties.userAgentCacheSize()),
                new LooksPolicy(3, Map.of()), properties.caps().toStateCaps(), lists.windows(),
                lists.sorts(), properties.trending().toRule());
        return StreamsDrain.run(subject, RankerTopology.build(topics, settings, new RankerMetrics(new SimpleMeterRegistry())),
                config, topics.pageViews(), views, cap, null);
    }

    /** The textbook topology with Kafka Streams' defaults; too slow to finish, so it runs for {@code cap}. */
    private static DrainResult naive(String bootstrap, Topics topics, long views, int threads, Duration cap)
            throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-naive-" + UUID.randomUUID());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("mostread-bench-state").toString());
        LongAdder processed = new LongAdder();
        RobotFilter.warmUp();
        return StreamsDrain.run("naive-hopping", NaiveTopNTopology.build(topics.pageViews(), topics.prefix() + "naive-top-n",
                        50, new RobotFilter(10_000), processed), config, topics.pageViews(), views, cap, processed::sum);
    }
}
