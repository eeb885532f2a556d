package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.operator.ViewTotals;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import dev.mostread.shared.testing.TestScale;
import dev.mostread.shared.testing.TopicProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The ranker as its own JVM (its jar), killed with SIGKILL at three moments during a known stream of views
 * and started again each time: once caught up, every list equals the one computed independently here, so no
 * view was lost and none counted twice.
 */
class RankerCrashIntegrationTest {

    private static final Path RANKER_JAR = Path.of("..", "ranker", "target", "mostread-ranker.jar");
    private static final long SEED = 42L;
    private static final int VIEWS = TestScale.times(30_000);
    private static final int KILLS = 2 + TestScale.factor();
    private static final int BATCH = 1_000;
    private static final List<String> SITES = List.of("crash-a", "crash-b", "crash-c");

    private static EmbeddedKafkaKraftBroker cluster;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startCluster() {
        cluster = new EmbeddedKafkaKraftBroker(1, 6, Topics.PAGE_VIEWS, Topics.PAGE_VIEWS_DLQ);
        cluster.brokerProperties(
                Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        cluster.afterPropertiesSet();
    }

    @AfterAll
    static void stopCluster() {
        cluster.destroy();
    }

    private Process startRanker(int run) throws IOException {
        Path log = dataDir.resolve("ranker-" + run + ".log");
        return new ProcessBuilder(
                        javaBinary(),
                        "-Xmx512m",
                        "-jar",
                        RANKER_JAR.toAbsolutePath().toString(),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--mostread.kafka.bootstrap-servers=" + cluster.getBrokersAsString(),
                        "--mostread.data-dir=" + dataDir.resolve("ranker-data"),
                        "--mostread.ranker.instance-id=crash-ranker",
                        "--mostread.ranker.commit-interval=100ms")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The ranker's default {@code mostread.ranker.list-size}: the API's largest limit plus 20 exclusions. */
    private static final int LIST_SIZE = 70;

    @Test
    void aRankerKilledThreeTimesEndsWithExactlyTheListsOfAnUninterruptedRun() throws Exception {
        assertThat(RANKER_JAR).exists();
        Random random = new Random(SEED);
        Set<Integer> killAfterBatch = new TreeSet<>();
        while (killAfterBatch.size() < KILLS) {
            killAfterBatch.add(2 + random.nextInt(VIEWS / BATCH - 4));
        }
        Map<String, Map<String, Long>> expected = new HashMap<>();
        int run = 0;
        Process ranker = startRanker(run);
        int kills = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            for (int batch = 0; batch < VIEWS / BATCH; batch++) {
                for (int i = 0; i < BATCH; i++) {
                    String site = SITES.get(random.nextInt(SITES.size()));
                    // a skewed popularity, so lists have clear leaders and long tails
                    String article = "story-" + (int) Math.floor(Math.pow(random.nextDouble(), 3) * 300);
                    String key = random.nextInt(10) == 0 ? null : site + "/" + article;
                    producer.send(new ProducerRecord<>(
                            Topics.PAGE_VIEWS,
                            key,
                            "{\"site\":\"" + site + "\",\"articleId\":\"" + article + "\",\"title\":\"" + article
                                    + "\"}"));
                    expected.computeIfAbsent(site, s -> new HashMap<>()).merge(article, 1L, Long::sum);
                }
                producer.flush();
                if (killAfterBatch.contains(batch)) {
                    awaitProgress();
                    ranker.destroyForcibly().waitFor();
                    kills++;
                    ranker = startRanker(++run);
                }
            }
        }
        try {
            TopicProbe probe = new TopicProbe(cluster.getBrokersAsString());
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        Map<String, Ranking> latest = latestLists(probe);
                        for (String site : SITES) {
                            for (String period : List.of("1h", "24h", "7d")) {
                                Ranking list = latest.get(site + "/" + period + "/_all");
                                assertThat(list).as(site + " " + period).isNotNull();
                                assertThat(idsAndViews(list.items()))
                                        .as(site + " " + period)
                                        .isEqualTo(top(expected.get(site), LIST_SIZE));
                            }
                        }
                    });
            // and the dashboard's total of views counted, from the tasks' exactly-once totals, is every view once
            // (the ranker's meters restart at each kill; re-processed views would count twice in any meter)
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(committedTotal(probe, ViewTotals.COUNTED))
                            .isEqualTo(VIEWS));
            assertThat(kills).isEqualTo(KILLS);
            long total = expected.values().stream()
                    .flatMap(m -> m.values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
            assertThat(total).isEqualTo(VIEWS);
        } finally {
            ranker.destroyForcibly().waitFor();
        }
    }

    /** Kills should land mid-stream: wait until the ranker has published something since its start. */
    private void awaitProgress() {
        TopicProbe probe = new TopicProbe(cluster.getBrokersAsString());
        long before = endOffsetsOrZero(probe);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> endOffsetsOrZero(probe) > before);
    }

    private static long endOffsetsOrZero(TopicProbe probe) {
        try {
            return probe.endOffsets(Topics.RANKINGS);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Map<String, Ranking> latestLists(TopicProbe probe) {
        Map<String, Ranking> latest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : probe.readAll(Topics.RANKINGS)) {
            if (record.value() != null) {
                latest.put(record.key(), Json.mapper().readValue(record.value(), Ranking.class));
            }
        }
        return latest;
    }

    /** One of the rankers' exact totals as the APIs add it up: each task's newest committed value. */
    private static long committedTotal(TopicProbe probe, String name) {
        Map<String, Long> newest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : probe.readAll(ViewTotals.changelog("mostread-ranker"))) {
            if (name.equals(record.key())) {
                newest.put("partition-" + record.partition(), ViewTotals.decode(record.value()));
            }
        }
        return newest.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<String> idsAndViews(List<RankedItem> items) {
        return items.stream().map(item -> item.articleId() + "=" + item.views()).toList();
    }

    /** The contract's order, computed here without any of mostread's code. */
    private static List<String> top(Map<String, Long> views, int limit) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(views.entrySet());
        entries.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey));
        return entries.stream()
                .limit(limit)
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }
}
