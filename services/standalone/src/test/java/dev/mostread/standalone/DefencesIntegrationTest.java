package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TopicProbe;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of §7 on the running standalone app with its defaults, each as the exact requests or records an
 * anonymous attacker would send; after each, a normal view is counted and visible within 10 s, nothing is
 * defaced, the process is alive and readiness tells the truth. The rate-limit test runs last: it uses up this
 * client's bucket on purpose.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefencesIntegrationTest {

    private static final String TOKEN = "defences-token";
    private static final String PHISHING_TITLE = "BREAKING: claim your refund";
    private static final String PHISHING_URL = "https://refunds.example/claim";
    private static final Duration VISIBLE = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;

    private static RunningApp app;
    private static Http http;
    private static int port;
    private static String broker;

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, "--mostread.admin-token=" + TOKEN);
        http = app.http();
        port = app.port();
        broker = app.broker();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String view(String site, String articleId, String... fields) {
        StringBuilder json = new StringBuilder("{\"site\":\"" + site + "\",\"articleId\":\"" + articleId + "\"");
        for (String field : fields) {
            json.append(',').append(field);
        }
        return json.append('}').toString();
    }

    private static List<RankedItem> items(String site) {
        HttpResponse<String> response = http.get("/api/v1/sites/" + site + "/most-read?limit=50");
        return response.statusCode() == 200 ? PipelineScenario.ranking(response).items() : List.of();
    }

    /** A normal view of a site of its own is counted and served within 10 s, and the app says it is ready. */
    private static void aNormalViewIsStillCountedWithinTenSeconds(String site) {
        assertThat(post(view(site, "normal", "\"title\":\"A normal story\""))).isEqualTo(202);
        await().atMost(VISIBLE)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(items(site))
                        .extracting(RankedItem::articleId, RankedItem::views)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("normal", 1L)));
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").body()).contains("\"status\":\"UP\"");
    }

    private static int post(String body, String... headers) {
        return app.post(body, headers);
    }

    private static void produce(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        2_000_000),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    @Test
    @Order(1)
    void threePostsOfTwoHundredLongestViewsInOneSectionDoNotFreezeAnySitesLists() {
        String title = "T".repeat(512);
        String url = "https://frozen.example/" + "u".repeat(2048 - 23);
        for (int post = 0; post < 3; post++) {
            List<String> views = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                views.add(view(
                        "frozen",
                        "story-" + post + "-" + i,
                        "\"section\":\"politics\"",
                        "\"title\":\"" + title + "\"",
                        "\"url\":\"" + url + "\"",
                        "\"imageUrl\":\"" + url + "\""));
            }
            assertThat(post("[" + String.join(",", views) + "]")).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(items("frozen"))
                        .hasSize(50)
                        .allSatisfy(item -> assertThat(item.title()).isEqualTo(title)));
        aNormalViewIsStillCountedWithinTenSeconds("after-frozen");
    }

    @Test
    @Order(2)
    void anArticlesRecordWithASeventyThousandCharacterTitleIsDeadLetteredAndThePreviousEntryStays() {
        assertThat(http.put(
                                "/api/v1/sites/catalog/articles/story",
                                "{\"title\":\"The real title\"}",
                                "Authorization",
                                "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(202);
        assertThat(post(view("catalog", "story"))).isEqualTo(202);
        await().atMost(VISIBLE)
                .untilAsserted(() -> assertThat(items("catalog"))
                        .extracting(RankedItem::title)
                        .containsExactly("The real title"));

        produce(Topics.ARTICLES, "catalog/story", "{\"title\":\"" + "x".repeat(70_000) + "\"}");
        produce(Topics.ARTICLES, "not an article key", "{\"title\":\"x\"}");
        assertThat(post(view("catalog", "story"))).isEqualTo(202);

        await().atMost(VISIBLE)
                .untilAsserted(() -> assertThat(items("catalog"))
                        .extracting(RankedItem::title, RankedItem::views)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("The real title", 2L)));
        await().atMost(VISIBLE)
                .untilAsserted(() -> assertThat(new TopicProbe(broker).readAll(Topics.PAGE_VIEWS_DLQ))
                        .extracting(ConsumerRecord::key)
                        .contains("catalog/story", "not an article key"));
        aNormalViewIsStillCountedWithinTenSeconds("after-catalog");
    }

    @Test
    @Order(3)
    void aPostWithoutAnOriginCarryingAPhishingTitleAndUrlCannotDefaceAStory() {
        assertThat(post(view(
                        "deface",
                        "story",
                        "\"visitorId\":\"reader-1\"",
                        "\"title\":\"Budget vote tonight\"",
                        "\"url\":\"https://deface.example/story\"")))
                .isEqualTo(202);
        await().atMost(VISIBLE)
                .untilAsserted(() -> assertThat(items("deface"))
                        .extracting(RankedItem::title)
                        .containsExactly("Budget vote tonight"));

        String phishing = "\"title\":\"" + PHISHING_TITLE + "\",\"url\":\"" + PHISHING_URL + "\"";
        String attack = "[" + view("deface", "story", phishing) + ","
                + view("deface", "story", "\"visitorId\":\"x1\"", phishing)
                + ","
                + view(
                        "deface",
                        "story",
                        "\"visitorId\":\"x1\"",
                        phishing,
                        "\"timestamp\":" + (System.currentTimeMillis() - 60_000))
                + "]";
        assertThat(post(attack)).isEqualTo(202);

        await().atMost(VISIBLE)
                .untilAsserted(() -> assertThat(items("deface"))
                        .extracting(RankedItem::views)
                        .containsExactly(4L));
        RankedItem story = items("deface").get(0);
        assertThat(story.title()).isEqualTo("Budget vote tonight");
        assertThat(story.url()).isEqualTo("https://deface.example/story");
        aNormalViewIsStillCountedWithinTenSeconds("after-deface");
    }

    /** Sends a request's head and the first part of a huge body on a raw socket; returns the status line. */
    private static String statusOfHugePut(String authorization) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/sites/catalog/articles/huge HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 300000000\r\n"
                            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(("{\"title\":\"" + "x".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    @Test
    @Order(4)
    void aCatalogWriteOfThreeHundredMegabytesIsRefusedBeforeItsBodyIsRead() throws Exception {
        assertThat(statusOfHugePut(null)).startsWith("HTTP/1.1 401");
        assertThat(statusOfHugePut("Bearer wrong")).startsWith("HTTP/1.1 401");
        assertThat(statusOfHugePut("Bearer " + TOKEN)).startsWith("HTTP/1.1 413");

        byte[] chunked = ("{\"title\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> streamed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/sites/catalog/articles/chunked"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode())
                .as("a chunked body without a length, cut at 64 KB")
                .isEqualTo(413);
        assertThat(streamed.body()).contains("body-too-large");
        aNormalViewIsStillCountedWithinTenSeconds("after-huge-put");
    }

    @Test
    @Order(5)
    void oneRequestNamingAThousandSitesIsRefusedAndCreatesNone() {
        List<String> views = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            views.add(view("invented-" + i, "a"));
        }

        HttpResponse<String> response = http.postJson("/api/v1/events", "[" + String.join(",", views) + "]");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("site-limit");
        aNormalViewIsStillCountedWithinTenSeconds("after-sites");
        assertThat(http.get("/api/v1/sites").body()).doesNotContain("invented-");
        assertThat(http.get("/actuator/prometheus").body())
                .containsPattern("mostread_limits_hit_total\\{.*limit=\"sites\".*} [1-9]");
    }

    @Test
    @Order(6)
    void heldStreamsAreCappedPerClientAndEveryEndpointStillAnswers() throws Exception {
        aNormalViewIsStillCountedWithinTenSeconds("streams");
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<InputStream>>> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                streams.add(client.sendAsync(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/sites/streams/most-read/stream"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var stream : streams) {
                statuses.add(stream.get(30, TimeUnit.SECONDS).statusCode());
            }

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(8);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(4);
            assertThat(http.get("/api/v1/sites").statusCode()).isEqualTo(200);
            assertThat(http.get("/api/v1/sites/streams/most-read").statusCode()).isEqualTo(200);
        } finally {
            for (var stream : streams) {
                stream.thenAccept(response -> {
                    try {
                        response.body().close();
                    } catch (java.io.IOException e) {
                        // already closed
                    }
                });
            }
        }
    }

    @Test
    @Order(100)
    void aForwardedForHeaderFromAnUntrustedClientCannotDodgeTheRateLimit() {
        List<Integer> statuses = new ArrayList<>();
        String hundred = "[" + String.join(",", java.util.Collections.nCopies(100, view("spoof", "a"))) + "]";
        for (int i = 0; i < 30 && !statuses.contains(429); i++) {
            statuses.add(post(hundred, "X-Forwarded-For", "203.0.113." + i));
        }

        assertThat(statuses).as("one client, however many addresses it claims").contains(429);
    }
}
