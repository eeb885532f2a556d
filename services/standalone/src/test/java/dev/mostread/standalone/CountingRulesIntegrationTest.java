package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The counting rules through the running standalone system: robots, reloads, visitors, poison, the catalog. */
class CountingRulesIntegrationTest {

    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String SITE = "rules";
    private static final String LIST = "/api/v1/sites/" + SITE + "/most-read";
    private static final String TOKEN = "editor-token";

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext app;
    private static Http http;
    private static String broker;

    @BeforeAll
    static void start() {
        app = StandaloneApplication.application()
                .run(
                        "--server.port=0",
                        "--mostread.data-dir=" + dataDir,
                        "--mostread.kafka.embedded.port=0",
                        "--mostread.admin-token=" + TOKEN);
        http = new Http(PipelineScenario.httpPort(app));
        broker = app.getEnvironment().getProperty("mostread.kafka.bootstrap-servers");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String view(String articleId, String... extra) {
        StringBuilder json = new StringBuilder("{\"site\":\"" + SITE + "\",\"articleId\":\"" + articleId
                + "\",\"title\":\"Title " + articleId + "\",\"url\":\"https://rules.example/" + articleId + "\"");
        for (String field : extra) {
            json.append(',').append(field);
        }
        return json.append('}').toString();
    }

    private static void produce(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    private static List<RankedItem> items(String query) {
        var response = http.get(LIST + query);
        return response.statusCode() == 200 ? PipelineScenario.ranking(response).items() : List.of();
    }

    @Test
    void robotsReloadsAndVisitorsAreCountedAsTheRulesSay() {
        String body = "["
                + String.join(
                        ",",
                        view("story", "\"visitorId\":\"v1\""),
                        view("story", "\"visitorId\":\"v1\""),
                        view("story", "\"visitorId\":\"v2\""),
                        view("story"),
                        view("story", "\"userAgent\":\"" + GOOGLEBOT + "\""),
                        view("story", "\"type\":\"home\""))
                + "]";
        assertThat(http.postJson("/api/v1/events", body).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get(LIST).statusCode()).isEqualTo(200);
            assertThat(items(""))
                    .extracting(RankedItem::articleId, RankedItem::views, RankedItem::visitors)
                    .contains(org.assertj.core.groups.Tuple.tuple("story", 3L, 2L));
        });
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("mostread_views_filtered_total\\{.*reason=\"robot\".*} [1-9]");
        assertThat(metrics).containsPattern("mostread_views_filtered_total\\{.*reason=\"duplicate\".*} [1-9]");
        assertThat(metrics).containsPattern("mostread_views_filtered_total\\{.*reason=\"not_article\".*} [1-9]");
        assertThat(metrics).containsPattern("mostread_views_counted_total(\\{.*})? [1-9]");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextViewIsStillCounted() {
        produce(Topics.PAGE_VIEWS, "rules/poison", "{\"site\":\"rules\",\"articleId\":");
        produce(Topics.PAGE_VIEWS, "rules/after-poison", view("after-poison"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(items("?limit=50"))
                        .extracting(RankedItem::articleId)
                        .contains("after-poison"));
        List<ConsumerRecord<String, byte[]>> dead = new TopicProbe(broker).readAll(Topics.PAGE_VIEWS_DLQ);
        assertThat(dead).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo("rules/poison");
            assertThat(new String(
                            record.headers().lastHeader(Topics.HEADER_ERROR).value(), StandardCharsets.UTF_8))
                    .startsWith("not valid JSON");
            assertThat(new String(
                            record.headers().lastHeader(Topics.HEADER_SOURCE).value(), StandardCharsets.UTF_8))
                    .startsWith("page-views-");
        });
        assertThat(http.get("/actuator/prometheus").body())
                .containsPattern("mostread_views_filtered_total\\{.*reason=\"invalid\".*} [1-9]");
    }

    @Test
    void theCatalogNamesTheArticleAndATombstoneTakesItOutOfTheListWithinTenSeconds() {
        http.postJson("/api/v1/events", "[" + view("to-delete") + "," + view("to-delete") + "," + view("stays") + "]");
        produce(Topics.ARTICLES, "rules/to-delete", "{\"title\":\"From the catalog\"}");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(items("?limit=50"))
                        .extracting(RankedItem::articleId, RankedItem::title)
                        .contains(org.assertj.core.groups.Tuple.tuple("to-delete", "From the catalog")));

        produce(Topics.ARTICLES, "rules/to-delete", null);

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(items("?limit=50"))
                        .extracting(RankedItem::articleId)
                        .contains("stays")
                        .doesNotContain("to-delete"));
    }

    @Test
    void aHiddenArticleLeavesTheListAndComesBackWithItsViews() {
        http.postJson("/api/v1/events", "[" + view("hide-me") + "," + view("hide-me") + "," + view("hide-me") + "]");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(items("?limit=50"))
                        .extracting(RankedItem::articleId)
                        .contains("hide-me"));

        produce(Topics.ARTICLES, "rules/hide-me", "{\"hidden\":true}");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(items("?limit=50"))
                        .extracting(RankedItem::articleId)
                        .doesNotContain("hide-me"));

        produce(Topics.ARTICLES, "rules/hide-me", "{\"hidden\":false}");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(items("?limit=50"))
                        .extracting(RankedItem::articleId, RankedItem::views)
                        .contains(org.assertj.core.groups.Tuple.tuple("hide-me", 3L)));
    }

    @Test
    void catalogWritesNeedTheAdminTokenAndShowInTheListsWithinTenSeconds() {
        http.postJson("/api/v1/events", "[" + view("edited") + "," + view("edited") + "]");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(items("?limit=50"))
                        .extracting(RankedItem::articleId)
                        .contains("edited"));
        String path = "/api/v1/sites/" + SITE + "/articles/edited";

        assertThat(http.put(path, "{\"title\":\"Sneaky\"}").statusCode()).isEqualTo(401);
        assertThat(http.put(path, "{\"title\":\"Sneaky\"}", "Authorization", "Bearer wrong")
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.delete(path).statusCode()).isEqualTo(401);
        var invalid = http.put(
                path, "{\"url\":\"javascript:alert(1)\",\"hidden\":\"yes\"}", "Authorization", "Bearer " + TOKEN);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"url\"").contains("\"field\":\"hidden\"");

        assertThat(http.put(
                                path,
                                "{\"title\":\"Edited by the desk\",\"publishedAt\":\"2026-11-26T08:00:00Z\"}",
                                "Authorization",
                                "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(items("?limit=50"))
                        .extracting(RankedItem::articleId, RankedItem::title)
                        .contains(org.assertj.core.groups.Tuple.tuple("edited", "Edited by the desk")));

        assertThat(http.delete(path, "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(items("?limit=50"))
                        .extracting(RankedItem::articleId)
                        .doesNotContain("edited"));
    }
}
