package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.embedded.EmbeddedKafkaBroker;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TestScale;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three brokers, every topic replicated three times with {@code min.insync.replicas=2}: one broker stopped
 * and started again during a stream of POSTs loses no accepted view, and counts none twice.
 */
class BrokerFailureIntegrationTest {

    private static final String SITE = "failover";
    private static final int POSTS = TestScale.times(1500);

    @Test
    void oneOfThreeBrokersStoppedAndRestartedDuringPostsLosesNoAcceptedViewAndDoublesNone(@TempDir Path dir) {
        try (LocalKafkaCluster cluster = new LocalKafkaCluster(dir.resolve("cluster"), 3)) {
            ConfigurableApplicationContext app = StandaloneApplication.application()
                    .run(
                            "--server.port=0",
                            "--mostread.data-dir=" + dir.resolve("app"),
                            "--mostread.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                            "--mostread.kafka.replication-factor=3",
                            "--mostread.collector.rate-limit.enabled=false");
            try {
                Http http = new Http(PipelineScenario.httpPort(app));
                Map<String, Long> accepted = new HashMap<>();
                int refused = 0;
                Random random = new Random(7);
                EmbeddedKafkaBroker victim = cluster.node(2);
                for (int i = 0; i < POSTS; i++) {
                    if (i == POSTS / 3) {
                        victim.stop();
                    }
                    if (i == 2 * POSTS / 3) {
                        victim.start();
                    }
                    String article = "story-" + random.nextInt(60);
                    HttpResponse<String> response = http.postJson(
                            "/api/v1/events", "{\"site\":\"" + SITE + "\",\"articleId\":\"" + article + "\"}");
                    if (response.statusCode() == 202) {
                        accepted.merge(article, 1L, Long::sum);
                    } else {
                        assertThat(response.statusCode()).isEqualTo(503);
                        refused++;
                    }
                }
                List<String> expected = top(accepted);
                long sent =
                        accepted.values().stream().mapToLong(Long::longValue).sum();
                int refusedPosts = refused;
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            var response = http.get("/api/v1/sites/" + SITE + "/most-read?period=7d&limit=50");
                            assertThat(response.statusCode()).isEqualTo(200);
                            List<RankedItem> items =
                                    PipelineScenario.ranking(response).items();
                            if (refusedPosts == 0) {
                                assertThat(items.stream()
                                                .map(item -> item.articleId() + "=" + item.views())
                                                .toList())
                                        .isEqualTo(expected);
                            } else {
                                // an event answered 503 may still have been written: it may add, never subtract
                                assertThat(items.stream()
                                                .mapToLong(RankedItem::views)
                                                .sum())
                                        .isBetween(sent, sent + refusedPosts);
                            }
                        });
                System.out.println(
                        "Broker failover: " + POSTS + " POSTs, " + sent + " accepted, " + refused + " refused (503)");
            } finally {
                app.close();
            }
        }
    }

    private static List<String> top(Map<String, Long> views) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(views.entrySet());
        entries.sort(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey));
        return entries.stream()
                .limit(50)
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }
}
