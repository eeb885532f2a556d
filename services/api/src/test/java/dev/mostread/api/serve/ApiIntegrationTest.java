package dev.mostread.api.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.api.ApiApplication;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import dev.mostread.shared.ranking.Sort;
import dev.mostread.shared.testing.Http;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The API serves whatever is in {@code rankings}, read from a real broker, and survives what it cannot read. */
@SpringBootTest(
        classes = ApiApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mostread.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "mostread.ranker.sorts=views,visitors,trending",
            "mostread.ranker.published-within=48h",
            "mostread.sites.site-c.zone=Asia/Seoul",
            // one test client opens 300 streams to show they hold no thread each: lift the per-client cap
            "mostread.api.max-streams-per-client=400"
        })
@EmbeddedKafka(
        topics = {"rankings", "articles"},
        partitions = 6)
class ApiIntegrationTest {

    private static final Instant AS_OF = Instant.parse("2026-11-26T12:00:30Z");

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private Http http;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        http = new Http(port);
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    private void publish(String key, byte[] value) {
        producer.send(new ProducerRecord<>("rankings", key, value));
        producer.flush();
    }

    private void publish(Ranking ranking) {
        publish(ranking.key().toString(), Json.mapper().writeValueAsBytes(ranking));
    }

    private static Ranking ranking(String site, String period, String section, int items) {
        List<RankedItem> list = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            list.add(new RankedItem(
                    i,
                    "a" + i,
                    "Title " + i,
                    "https://x.example/" + i,
                    section,
                    null,
                    null,
                    null,
                    100 - i,
                    null,
                    null));
        }
        return new Ranking(
                new ListKey(site, Period.fromCode(period).orElseThrow(), section),
                AS_OF,
                AS_OF.minusSeconds(3600),
                AS_OF,
                list,
                AS_OF);
    }

    private HttpResponse<String> awaitStatus(String path, int status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> http.get(path), r -> r.statusCode() == status);
    }

    @Test
    void servesAPublishedListWithCachingHeadersAndLimits() {
        publish(ranking("site-a", "1h", null, 20));

        HttpResponse<String> response = awaitStatus("/api/v1/sites/site-a/most-read?limit=3", 200);

        Ranking served = Json.mapper().readValue(response.body(), Ranking.class);
        assertThat(served.items()).extracting(RankedItem::articleId).containsExactly("a1", "a2", "a3");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Cache-Control"))
                .contains("max-age=5, public, stale-while-revalidate=30");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/api/v1/sites/site-a/most-read?limit=3", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(http.get("/api/v1/sites/site-a/most-read?limit=4").headers().firstValue("ETag"))
                .isNotEqualTo(etag);
        assertThat(Json.mapper()
                        .readValue(http.get("/api/v1/sites/site-a/most-read").body(), Ranking.class)
                        .items())
                .hasSize(10);
        assertThat(Json.mapper()
                        .readValue(
                                http.get("/api/v1/sites/site-a/most-read?limit=50")
                                        .body(),
                                Ranking.class)
                        .items())
                .hasSize(20);
    }

    @Test
    void leavesExcludedArticlesOutAndStillServesTheLimitRankedWithoutGaps() {
        publish(ranking("site-x", "1h", null, 30));

        HttpResponse<String> response = awaitStatus("/api/v1/sites/site-x/most-read?limit=5&exclude=a2,a4", 200);
        Ranking served = Json.mapper().readValue(response.body(), Ranking.class);
        Ranking repeated = Json.mapper()
                .readValue(
                        http.get("/api/v1/sites/site-x/most-read?limit=5&exclude=a1&exclude=a3")
                                .body(),
                        Ranking.class);
        HttpResponse<String> html = http.get("/api/v1/sites/site-x/most-read.html?limit=3&exclude=a1");

        assertThat(served.items()).extracting(RankedItem::articleId).containsExactly("a1", "a3", "a5", "a6", "a7");
        assertThat(served.items()).extracting(RankedItem::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(repeated.items()).extracting(RankedItem::articleId).containsExactly("a2", "a4", "a5", "a6", "a7");
        assertThat(response.headers().firstValue("Cache-Control"))
                .contains("max-age=5, public, stale-while-revalidate=30");
        assertThat(http.get(
                                "/api/v1/sites/site-x/most-read?limit=5&exclude=a2,a4",
                                "If-None-Match",
                                response.headers().firstValue("ETag").orElseThrow())
                        .statusCode())
                .isEqualTo(304);
        assertThat(html.body()).contains("Title 2").doesNotContain("Title 1<");
        assertThat(http.get("/api/v1/sites/site-x/most-read?exclude=a/b").statusCode())
                .isEqualTo(400);
    }

    @Test
    void answersAnEmptyYesterdayThatEndedAtMidnightAndThirtyDaysForAKnownSite() {
        publish(ranking("site-y", "1h", null, 1));
        awaitStatus("/api/v1/sites/site-y/most-read", 200);

        Ranking yesterday = Json.mapper()
                .readValue(
                        http.get("/api/v1/sites/site-y/most-read?period=yesterday")
                                .body(),
                        Ranking.class);
        Ranking month = Json.mapper()
                .readValue(http.get("/api/v1/sites/site-y/most-read?period=30d").body(), Ranking.class);

        assertThat(yesterday.items()).isEmpty();
        assertThat(yesterday.windowEnd()).isEqualTo(yesterday.asOf().truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        assertThat(Duration.between(yesterday.windowStart(), yesterday.windowEnd()))
                .isEqualTo(Duration.ofDays(1));
        assertThat(month.period()).isEqualTo(Period.LAST_MONTH);
        assertThat(http.get("/api/v1/sites/site-y/most-read?period=1y").body()).contains("30d, today, yesterday");
    }

    @Test
    void servesTheListByVisitorsFromItsOwnKeyAndTheListByViewsByDefault() {
        publish(ranking("site-v", "24h", null, 4));
        publish("site-v/24h/_all/visitors", Json.mapper().writeValueAsBytes(ranking("site-v", "24h", null, 2)));

        HttpResponse<String> visitors = awaitStatus("/api/v1/sites/site-v/most-read?period=24h&sort=visitors", 200);
        awaitStatus("/api/v1/sites/site-v/most-read?period=24h", 200);

        assertThat(Json.mapper().readValue(visitors.body(), Ranking.class).items())
                .hasSize(2);
        assertThat(Json.mapper()
                        .readValue(
                                http.get("/api/v1/sites/site-v/most-read?period=24h")
                                        .body(),
                                Ranking.class)
                        .items())
                .hasSize(4);
        assertThat(http.get("/api/v1/sites/site-v/most-read?sort=likes").statusCode())
                .isEqualTo(400);
    }

    @Test
    void servesTheTrendingListWithItsScoresWhateverThePeriodAndNoScoresInOtherLists() {
        publish(ranking("site-t", "1h", null, 3));
        RankedItem rising = new RankedItem(
                1, "rising", "Rising", "https://x.example/r", null, null, null, null, 40, 30L, null, 3.7, 100L, 19.9);
        publish(
                "site-t/trending/_all",
                Json.mapper()
                        .writeValueAsBytes(new Ranking(
                                new ListKey("site-t", Period.LAST_HOUR, null, Sort.TRENDING),
                                AS_OF,
                                AS_OF.minusSeconds(840),
                                AS_OF,
                                List.of(rising),
                                AS_OF)));

        HttpResponse<String> trending = awaitStatus("/api/v1/sites/site-t/most-read?sort=trending", 200);
        HttpResponse<String> anyPeriod = http.get("/api/v1/sites/site-t/most-read?sort=trending&period=7d");
        HttpResponse<String> hourly = http.get("/api/v1/sites/site-t/most-read?period=1h");

        assertThat(trending.body())
                .contains(
                        "\"period\":\"trending\"", "\"score\":3.7", "\"viewsLast15m\":100", "\"expectedLast15m\":19.9");
        assertThat(anyPeriod.body()).isEqualTo(trending.body());
        assertThat(hourly.body()).doesNotContain("score", "viewsLast15m", "expectedLast15m");
        assertThat(http.get("/api/v1/sites/site-t/most-read?sort=trending&section=culture")
                        .body())
                .contains("\"period\":\"trending\"", "\"items\":[]");
        assertThat(http.get("/api/v1/sites/site-t/most-read?sort=trending&period=1y")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aStreamOfTheListByViewsNeverReceivesTheListByVisitorsOfTheSamePeriod() throws Exception {
        publish(ranking("site-s", "24h", null, 3));
        awaitStatus("/api/v1/sites/site-s/most-read?period=24h", 200);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<java.util.stream.Stream<String>> stream = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://127.0.0.1:" + port + "/api/v1/sites/site-s/most-read/stream?period=24h"))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        try {
            RankedItem byVisitors = new RankedItem(
                    1, "by-visitors", "Other", "https://x.example/v", null, null, null, null, 1, 50L, null);
            publish(
                    "site-s/24h/_all/visitors",
                    Json.mapper()
                            .writeValueAsBytes(new Ranking(
                                    new ListKey("site-s", Period.LAST_DAY, null, Sort.VISITORS),
                                    AS_OF,
                                    AS_OF.minusSeconds(86_400),
                                    AS_OF,
                                    List.of(byVisitors),
                                    AS_OF)));
            awaitStatus("/api/v1/sites/site-s/most-read?period=24h&sort=visitors", 200);
            publish(ranking("site-s", "24h", null, 5));

            List<String> events = new ArrayList<>();
            java.util.Iterator<String> lines = stream.body().iterator();
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                        while (lines.hasNext()) {
                            String line = lines.next();
                            if (line.startsWith("data:")) {
                                events.add(line);
                                if (line.contains("\"a5\"")) {
                                    return;
                                }
                            }
                        }
                    })
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(events).hasSizeGreaterThanOrEqualTo(2).noneMatch(event -> event.contains("by-visitors"));
        } finally {
            stream.body().close();
        }
    }

    @Test
    void servesAPublishedWindowsListByAnyNameOfItsLengthAndRejectsAWindowThatIsNotKept() {
        publish(ranking("site-p", "24h", null, 5));
        publish(
                "site-p/24h/_all/visitors/published-48h",
                Json.mapper().writeValueAsBytes(ranking("site-p", "24h", null, 2)));

        HttpResponse<String> fresh =
                awaitStatus("/api/v1/sites/site-p/most-read?period=24h&sort=visitors&published=48h", 200);
        HttpResponse<String> sameWindow =
                http.get("/api/v1/sites/site-p/most-read?period=24h&sort=visitors&published=2d");
        HttpResponse<String> notKept = http.get("/api/v1/sites/site-p/most-read?period=24h&published=5h");

        assertThat(Json.mapper().readValue(fresh.body(), Ranking.class).items()).hasSize(2);
        assertThat(sameWindow.body()).isEqualTo(fresh.body());
        assertThat(notKept.statusCode()).isEqualTo(400);
        assertThat(notKept.body()).contains("published").contains("48h");
        assertThat(Json.mapper()
                        .readValue(
                                http.get("/api/v1/sites/site-p/most-read?period=24h")
                                        .body(),
                                Ranking.class)
                        .items())
                .hasSize(5);
    }

    @Test
    void servesTheNewestVersionOfAList() {
        publish(ranking("site-b", "24h", "sport", 2));
        awaitStatus("/api/v1/sites/site-b/most-read?period=24h&section=sport", 200);

        publish(ranking("site-b", "24h", "sport", 5));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Json.mapper()
                                .readValue(
                                        http.get("/api/v1/sites/site-b/most-read?period=24h&section=sport")
                                                .body(),
                                        Ranking.class)
                                .items())
                        .hasSize(5));
    }

    @Test
    void answersAnEmptyListForAKnownSiteAndNotFoundForAnUnknownOne() {
        publish(ranking("site-c", "7d", null, 1));
        awaitStatus("/api/v1/sites/site-c/most-read?period=7d", 200);

        HttpResponse<String> empty = http.get("/api/v1/sites/site-c/most-read?period=1h&section=world");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body())
                .contains("\"items\":[]")
                .contains("\"section\":\"world\"")
                .contains("\"period\":\"1h\"");

        Ranking today = Json.mapper()
                .readValue(
                        http.get("/api/v1/sites/site-c/most-read?period=today").body(), Ranking.class);
        assertThat(today.items()).isEmpty();
        assertThat(today.windowStart().atZone(java.time.ZoneId.of("Asia/Seoul")).toLocalTime())
                .isEqualTo(java.time.LocalTime.MIDNIGHT);

        HttpResponse<String> unknown = http.get("/api/v1/sites/never-seen/most-read");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void rejectsBadParametersWithProblemDetails() {
        HttpResponse<String> response = http.get("/api/v1/sites/site-a/most-read?period=today2&limit=x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"period\"").contains("\"field\":\"limit\"");
    }

    @Test
    void skipsUnreadableRecordsAndKeepsReading() {
        publish("site-d/1h/_all", "not json".getBytes());
        publish("garbage-key", Json.mapper().writeValueAsBytes(ranking("site-d", "1h", null, 1)));
        publish(ranking("site-d", "24h", null, 2));

        awaitStatus("/api/v1/sites/site-d/most-read?period=24h", 200);
        assertThat(http.get("/api/v1/sites/site-d/most-read?period=1h").body()).contains("\"items\":[]");
    }

    @Test
    void catalogWritesAreDisabledWithoutAConfiguredAdminToken() {
        HttpResponse<String> put =
                http.put("/api/v1/sites/site-a/articles/a1", "{\"title\":\"x\"}", "Authorization", "Bearer anything");
        HttpResponse<String> delete = http.delete("/api/v1/sites/site-a/articles/a1");

        assertThat(put.statusCode()).isEqualTo(401);
        assertThat(put.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(put.body()).contains("disabled");
        assertThat(delete.statusCode()).isEqualTo(401);
    }

    @Test
    void manyIdleStreamsHoldNoThreadEach() throws Exception {
        publish(ranking("site-f", "1h", null, 3));
        awaitStatus("/api/v1/sites/site-f/most-read", 200);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        List<java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>>> streams =
                new ArrayList<>();
        int subscribers = 300;
        for (int i = 0; i < subscribers; i++) {
            streams.add(client.sendAsync(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    "http://127.0.0.1:" + port + "/api/v1/sites/site-f/most-read/stream"))
                            .build(),
                    HttpResponse.BodyHandlers.ofLines()));
        }
        try {
            // More open streams than Tomcat has request threads (200): each got its first list all the same.
            for (var stream : streams) {
                assertThat(stream.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode())
                        .isEqualTo(200);
            }
            // ... and with all of them open, an ordinary request still finds a free thread at once.
            assertThat(http.get("/api/v1/sites").statusCode()).isEqualTo(200);
        } finally {
            for (var stream : streams) {
                stream.thenAccept(response -> response.body().close());
            }
        }
    }

    @Test
    void aSiteWhoseEveryListWasDeletedIsForgottenByTheApiAndBySites() {
        publish(ranking("site-gone", "7d", null, 2));
        publish(ranking("site-gone", "7d", "sport", 1));
        awaitStatus("/api/v1/sites/site-gone/most-read?period=7d", 200);
        assertThat(http.get("/api/v1/sites").body()).contains("\"site\":\"site-gone\"");

        publish("site-gone/7d/sport", null);
        awaitStatus("/api/v1/sites/site-gone/most-read?period=7d&section=sport", 200);
        assertThat(http.get("/api/v1/sites/site-gone/most-read?period=7d&section=sport")
                        .body())
                .contains("\"items\":[]");
        publish("site-gone/7d/_all", null);

        awaitStatus("/api/v1/sites/site-gone/most-read?period=7d", 404);
        assertThat(http.get("/api/v1/sites").body()).doesNotContain("site-gone");
    }

    @Test
    void listsSitesWithTheirSectionsAndWhatTheirListsCanBeAskedFor() {
        publish(ranking("site-e", "1h", null, 2));
        publish(ranking("site-e", "1h", "sport", 1));
        publish(ranking("site-e", "1h", "world", 1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(http.get("/api/v1/sites").body())
                                .contains(
                                        "{\"site\":\"site-e\",\"sections\":[\"sport\",\"world\"],\"lastViewAt\":\"2026-11-26T12:00:30Z\","
                                                + "\"periods\":[\"1h\",\"24h\",\"7d\",\"30d\",\"today\",\"yesterday\"],\"sorts\":[\"views\",\"visitors\",\"trending\"],\"published\":[\"48h\"]}"));
    }
}
