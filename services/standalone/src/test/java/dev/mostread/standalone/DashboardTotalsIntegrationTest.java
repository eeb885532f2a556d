package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.api.ApiApplication;
import dev.mostread.embedded.EmbeddedKafkaBroker;
import dev.mostread.embedded.EmbeddedKafkaProperties;
import dev.mostread.ranker.RankerApplication;
import dev.mostread.ranker.system.RankerStreams;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.testing.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's numbers are the system's, not one process's: the same traffic — views, reloads, robots, other
 * pages and unreadable records, written to {@code page-views} as any client may — gives the same views counted
 * and filtered by reason in the standalone app and in a distributed set-up of two rankers and an API, and both
 * are what the test itself counted.
 */
class DashboardTotalsIntegrationTest {

    private static final int RECORDS = 3_000;
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    @TempDir
    Path dir;

    /** Writes the seeded traffic and returns what it must show: counted, and filtered by reason. */
    private static Map<String, Long> produce(String bootstrap) {
        Map<String, Long> expected = new TreeMap<>();
        Random random = new Random(5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            String previous = null;
            for (int i = 0; i < RECORDS; i++) {
                String article = "story-" + random.nextInt(40);
                String key = "totals/" + article;
                String value;
                String outcome;
                int kind = random.nextInt(20);
                if (kind == 0) {
                    value = "{not json " + i;
                    outcome = "invalid";
                } else if (kind == 1) {
                    value = "{\"site\":\"totals\",\"articleId\":\"" + article + "\",\"type\":\"section\"}";
                    outcome = "not_article";
                } else if (kind <= 3) {
                    value = "{\"site\":\"totals\",\"articleId\":\"" + article + "\",\"userAgent\":\"" + GOOGLEBOT
                            + "\"}";
                    outcome = "robot";
                } else if (kind == 4 && previous != null) {
                    // the reader reloads the page it just read: the same visitor and article, seconds apart
                    value = previous;
                    key = "totals/"
                            + Json.mapper().readTree(previous).get("articleId").asString();
                    outcome = "duplicate";
                } else {
                    value = "{\"site\":\"totals\",\"articleId\":\"" + article + "\",\"visitorId\":\"reader-" + i
                            + "\"}";
                    previous = value;
                    outcome = "counted";
                }
                producer.send(new ProducerRecord<>(Topics.PAGE_VIEWS, key, value));
                expected.merge(outcome.equals("counted") ? "counted" : "filtered." + outcome, 1L, Long::sum);
            }
        }
        return expected;
    }

    /** Views counted and filtered by reason as {@code /api/v1/stats} shows them, once they equal {@code expected}. */
    private static Map<String, Long> dashboard(Http http, Map<String, Long> expected) {
        Map<String, Long> shown = new TreeMap<>();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode stats =
                            Json.mapper().readTree(http.get("/api/v1/stats").body());
                    assertThat(stats.get("exact").asBoolean()).isTrue();
                    shown.clear();
                    shown.put("counted", stats.get("counted").asLong());
                    stats.get("filtered").properties().forEach(reason -> {
                        if (reason.getValue().asLong() > 0) {
                            shown.put(
                                    "filtered." + reason.getKey(),
                                    reason.getValue().asLong());
                        }
                    });
                    assertThat(shown).isEqualTo(expected);
                });
        return shown;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ConfigurableApplicationContext ranker(String bootstrap, String id) {
        return new SpringApplicationBuilder(RankerApplication.class)
                .run(
                        "--spring.application.name=mostread-ranker",
                        "--server.port=0",
                        "--mostread.kafka.bootstrap-servers=" + bootstrap,
                        "--mostread.kafka.replication-factor=1",
                        "--mostread.data-dir=" + dir.resolve(id),
                        "--mostread.ranker.instance-id=" + id);
    }

    @Test
    void theSameTrafficShowsTheSameExactNumbersInTheStandaloneAppAndWithTwoRankersAndAnApi() throws Exception {
        Map<String, Long> standalone;
        Map<String, Long> expected;
        try (RunningApp app = RunningApp.start(dir.resolve("standalone"))) {
            expected = produce(app.broker());
            standalone = dashboard(app.http(), expected);
        }

        List<ConfigurableApplicationContext> running = new ArrayList<>();
        EmbeddedKafkaBroker broker =
                new EmbeddedKafkaBroker(new EmbeddedKafkaProperties(freePort(), freePort()), dir.resolve("kafka"));
        broker.start();
        try {
            String bootstrap = broker.bootstrapServers();
            ConfigurableApplicationContext first = ranker(bootstrap, "ranker-1");
            running.add(first);
            ConfigurableApplicationContext second = ranker(bootstrap, "ranker-2");
            running.add(second);
            ConfigurableApplicationContext api = new SpringApplicationBuilder(ApiApplication.class)
                    .run(
                            "--spring.application.name=mostread-api",
                            "--server.port=0",
                            "--mostread.kafka.bootstrap-servers=" + bootstrap);
            running.add(api);
            Http http = new Http(PipelineScenario.httpPort(api));
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> first.getBean(RankerStreams.class).state() == KafkaStreams.State.RUNNING
                            && second.getBean(RankerStreams.class).state() == KafkaStreams.State.RUNNING
                            && http.get("/actuator/health/readiness").statusCode() == 200);

            assertThat(produce(bootstrap)).isEqualTo(expected);
            assertThat(dashboard(http, expected)).isEqualTo(standalone);
        } finally {
            running.forEach(ConfigurableApplicationContext::close);
            broker.stop();
        }
    }
}
