package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import dev.mostread.shared.testing.Http;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole pipeline, told once and run against any Kafka: views POSTed to the collector and written straight
 * into {@code page-views} come back from the API as the expected list, and again after a restart on the same
 * data directory.
 */
abstract class PipelineScenario {

    static final String SITE = "news21";
    static final String LIST = "/api/v1/sites/" + SITE + "/most-read";
    private static final int PARTITIONS = 6;

    /** Starts mostread on {@code dataDir}; the same arguments must reach the same Kafka every time. */
    abstract ConfigurableApplicationContext start(Path dataDir);

    /** Where a plain Kafka client reaches the cluster this app uses. */
    abstract String bootstrapServers(ConfigurableApplicationContext app);

    static int httpPort(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    static String event(String articleId, String section) {
        return "{\"site\":\"" + SITE + "\",\"articleId\":\"" + articleId + "\",\"title\":\"Title " + articleId + "\","
                + "\"url\":\"https://news21.example/" + articleId + "\""
                + (section == null ? "" : ",\"section\":\"" + section + "\"") + "}";
    }

    static Ranking ranking(HttpResponse<String> response) {
        return Json.mapper().readValue(response.body(), Ranking.class);
    }

    static List<String> idsAndViews(Ranking ranking) {
        List<String> result = new ArrayList<>();
        for (RankedItem item : ranking.items()) {
            result.add(item.articleId() + "=" + item.views());
        }
        return result;
    }

    static List<String> awaitList(Http http, String query, List<String> expected) {
        return awaitList(http, SITE, query, expected);
    }

    /** Waits until {@code site}'s list for {@code query} shows exactly {@code expected} ("articleId=views"). */
    static List<String> awaitList(Http http, String site, String query, List<String> expected) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    HttpResponse<String> response = http.get("/api/v1/sites/" + site + "/most-read" + query);
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(idsAndViews(ranking(response))).isEqualTo(expected);
                });
        return expected;
    }

    /** Writes records the way other Kafka clients might: no key, or the article's key in a partition the Java partitioner would not choose. */
    static void produceLikeOtherClients(String bootstrapServers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>("page-views", null, event("a2", null)));
            String key = SITE + "/a3";
            int javaPartition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            producer.send(new ProducerRecord<>("page-views", (javaPartition + 1) % PARTITIONS, key, event("a3", null)));
            producer.flush();
        }
    }

    void runsThePipelineAndKeepsTheListsAcrossARestart(Path dataDir) {
        List<String> expected = List.of("a1=3", "a2=2", "a3=1");
        ConfigurableApplicationContext app = start(dataDir);
        try {
            Http http = new Http(httpPort(app));
            assertThat(http.postJson(
                                    "/api/v1/events",
                                    "[" + event("a1", "politics") + "," + event("a1", "politics") + ","
                                            + event("a2", null) + "]")
                            .statusCode())
                    .isEqualTo(202);
            assertThat(http.postJson("/api/v1/events", event("a1", "politics")).statusCode())
                    .isEqualTo(202);
            produceLikeOtherClients(bootstrapServers(app));

            awaitList(http, "", expected);
            awaitList(http, "?period=7d&section=politics", List.of("a1=3"));
            awaitList(http, "?period=24h&limit=2", List.of("a1=3", "a2=2"));

            HttpResponse<String> first = http.get(LIST);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.headers().firstValue("Cache-Control"))
                    .contains("max-age=5, public, stale-while-revalidate=30");
            assertThat(first.headers().firstValue("Access-Control-Allow-Origin"))
                    .contains("*");
            assertThat(http.get(LIST, "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(http.get("/api/v1/sites").body()).contains("{\"site\":\"news21\",\"sections\":[\"politics\"]");
            assertThat(http.get("/api/v1/sites/nobody/most-read").statusCode()).isEqualTo(404);
            assertThat(http.get(LIST + "?period=1y").statusCode()).isEqualTo(400);
            assertThat(http.get(LIST + "?section=sport").body()).contains("\"items\":[]");
        } finally {
            app.close();
        }

        ConfigurableApplicationContext restarted = start(dataDir);
        try {
            Http http = new Http(httpPort(restarted));
            awaitList(http, "", expected);

            http.postJson("/api/v1/events", "[" + event("a3", null) + "," + event("a3", null) + "]");
            awaitList(http, "", List.of("a1=3", "a3=3", "a2=2"));
            Ranking moved = ranking(http.get(LIST));
            assertThat(moved.items()).extracting(RankedItem::previousRank).containsExactly(1, 3, 2);
        } finally {
            restarted.close();
        }
    }
}
