package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.api.ApiApplication;
import dev.mostread.ranker.RankerApplication;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TestScale;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Scale-out: three brokers, three ranker instances sharing one application id (one stopped and another
 * added midway) and two API instances; a known stream of 100,000 views across three sites. Every list, from
 * either API, equals the list computed independently here.
 */
class MultiInstanceIntegrationTest {

    private static final int VIEWS = TestScale.times(100_000);
    private static final List<String> SITES = List.of("multi-a", "multi-b", "multi-c");

    @TempDir
    Path dir;

    private ConfigurableApplicationContext ranker(String bootstrap, String id) {
        return new SpringApplicationBuilder(RankerApplication.class)
                .run(
                        "--spring.application.name=mostread-ranker",
                        "--server.port=0",
                        "--mostread.kafka.bootstrap-servers=" + bootstrap,
                        "--mostread.kafka.replication-factor=3",
                        "--mostread.data-dir=" + dir.resolve(id),
                        "--mostread.ranker.instance-id=" + id,
                        "--mostread.ranker.standby-replicas=1",
                        "--mostread.ranker.sorts=views,visitors,trending");
    }

    private static ConfigurableApplicationContext api(String bootstrap) {
        return new SpringApplicationBuilder(ApiApplication.class)
                .run(
                        "--spring.application.name=mostread-api",
                        "--server.port=0",
                        "--mostread.kafka.bootstrap-servers=" + bootstrap,
                        "--mostread.ranker.sorts=views,visitors,trending");
    }

    @Test
    void threeRankersWithOneReplacedMidwayAndTwoApisServeExactlyTheExpectedListsByViewsVisitorsAndTrend() {
        List<ConfigurableApplicationContext> running = new ArrayList<>();
        try (LocalKafkaCluster cluster = new LocalKafkaCluster(dir.resolve("cluster"), 3)) {
            String bootstrap = cluster.bootstrapServers();
            ConfigurableApplicationContext first = ranker(bootstrap, "ranker-1");
            running.add(first);
            ConfigurableApplicationContext second = ranker(bootstrap, "ranker-2");
            running.add(second);
            ConfigurableApplicationContext third = ranker(bootstrap, "ranker-3");
            running.add(third);
            List<Http> apis = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ConfigurableApplicationContext api = api(bootstrap);
                running.add(api);
                apis.add(new Http(PipelineScenario.httpPort(api)));
            }

            Map<String, Map<String, Long>> expected = new HashMap<>();
            Map<String, Map<String, Long>> expectedVisitors = new HashMap<>();
            Random random = new Random(11);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.LINGER_MS_CONFIG,
                            10),
                    new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < VIEWS; i++) {
                    if (i == VIEWS / 2) {
                        producer.flush();
                        second.close();
                        running.remove(second);
                        ConfigurableApplicationContext fourth = ranker(bootstrap, "ranker-4");
                        running.add(fourth);
                    }
                    String site = SITES.get(random.nextInt(SITES.size()));
                    String article = "story-" + (int) Math.floor(Math.pow(random.nextDouble(), 3) * 500);
                    String key = random.nextInt(10) == 0 ? null : site + "/" + article;
                    // one view in 50 carries a visitor id of its own: fewer than 100 per article, so counted exactly
                    boolean known = random.nextInt(50) == 0;
                    ProducerRecord<String, String> view = new ProducerRecord<>(
                            Topics.PAGE_VIEWS,
                            key,
                            "{\"site\":\"" + site + "\",\"articleId\":\"" + article + "\""
                                    + (known ? ",\"visitorId\":\"v" + i + "\"" : "") + "}");
                    producer.send(view);
                    expected.computeIfAbsent(site, s -> new HashMap<>()).merge(article, 1L, Long::sum);
                    if (known) {
                        expectedVisitors
                                .computeIfAbsent(site, s -> new HashMap<>())
                                .merge(article, 1L, Long::sum);
                    }
                }
            }

            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        for (Http api : apis) {
                            for (String site : SITES) {
                                var byVisitors = api.get(
                                        "/api/v1/sites/" + site + "/most-read?limit=50&period=24h&sort=visitors");
                                assertThat(byVisitors.statusCode()).isEqualTo(200);
                                assertThat(PipelineScenario.ranking(byVisitors).items().stream()
                                                .map(item -> item.articleId() + "=" + item.visitors())
                                                .toList())
                                        .as("%s by visitors", site)
                                        .isEqualTo(top(expectedVisitors.get(site)));
                                // every view is from the last minutes and every story new: each is compared with the
                                // typical
                                // new story (5 views a quarter hour), so the order is the views' and the score (v + 10)
                                // / 15
                                var trending = api.get("/api/v1/sites/" + site + "/most-read?limit=50&sort=trending");
                                assertThat(trending.statusCode()).isEqualTo(200);
                                assertThat(PipelineScenario.ranking(trending).items().stream()
                                                .map(item -> item.articleId() + "=" + item.score() + "/"
                                                        + item.viewsLast15m())
                                                .toList())
                                        .as("%s trending", site)
                                        .isEqualTo(trendingOf(expected.get(site)));
                                for (String period : List.of("1h", "24h", "7d", "30d")) {
                                    var response =
                                            api.get("/api/v1/sites/" + site + "/most-read?limit=50&period=" + period);
                                    assertThat(response.statusCode()).isEqualTo(200);
                                    assertThat(PipelineScenario.ranking(response).items().stream()
                                                    .map(RankedItem::articleId)
                                                    .toList()
                                                    .size())
                                            .isEqualTo(50);
                                    assertThat(idsAndViews(PipelineScenario.ranking(response)
                                                    .items()))
                                            .as("%s %s", site, period)
                                            .isEqualTo(top(expected.get(site)));
                                }
                            }
                        }
                    });
            assertThat(apis.get(0)
                            .get("/api/v1/sites/multi-a/most-read?period=24h")
                            .body())
                    .isEqualTo(apis.get(1)
                            .get("/api/v1/sites/multi-a/most-read?period=24h")
                            .body());

            // The dashboard's numbers are the whole system's, the same from either API, and exact: every view
            // counted once (from the rankers' exactly-once totals: their meters count again what a task processed
            // again after the migrations, the stop midway included), and each instance's health.
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                List<JsonNode> stats = new ArrayList<>();
                for (Http api : apis) {
                    stats.add(Json.mapper().readTree(api.get("/api/v1/stats").body()));
                }
                for (JsonNode one : stats) {
                    assertThat(one.get("exact").asBoolean()).isTrue();
                    assertThat(one.get("counted").asLong()).as("views counted").isEqualTo(VIEWS);
                    assertThat(one.get("filtered").properties().stream()
                                    .mapToLong(e -> e.getValue().asLong())
                                    .sum())
                            .as("views filtered")
                            .isZero();
                    assertThat(one.get("published").asDouble()).isPositive();
                    List<String> health = new ArrayList<>();
                    one.get("instances")
                            .forEach(instance ->
                                    health.add(instance.get("application").asString() + "="
                                            + instance.get("health").asString()));
                    assertThat(health)
                            .containsExactlyInAnyOrder(
                                    "mostread-api=UP",
                                    "mostread-api=UP",
                                    "mostread-ranker=UP",
                                    "mostread-ranker=UP",
                                    "mostread-ranker=UP",
                                    "mostread-ranker=STOPPED");
                }
                assertThat(stats.get(0).get("filtered")).isEqualTo(stats.get(1).get("filtered"));
                assertThat(stats.get(0).get("counted")).isEqualTo(stats.get(1).get("counted"));
            });

        } finally {
            running.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static List<String> idsAndViews(List<RankedItem> items) {
        return items.stream().map(item -> item.articleId() + "=" + item.views()).toList();
    }

    /** The trending list of stories first seen within the quarter hour, from the default rule's definition. */
    private static List<String> trendingOf(Map<String, Long> views) {
        return top(views).stream()
                .map(entry -> {
                    long count = Long.parseLong(entry.substring(entry.indexOf('=') + 1));
                    return entry.substring(0, entry.indexOf('=')) + "="
                            + Math.round((count + 10) * 1000.0 / 15) / 1000.0 + "/" + count;
                })
                .toList();
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
