package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.context.ConfigurableApplicationContext;

import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.testing.Http;
import dev.mostread.standalone.embedded.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

import dev.mostread.shared.kafka.Json;

/**
 * What operators rely on, checked against the running standalone app: every contract metric exported and
 * moving, the Prometheus configuration, alert rules and Grafana panels consistent with what is exported, the
 * compose file valid, and readiness following the broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIntegrationTest {

    static final Path REPOSITORY = Path.of("..", "..").toAbsolutePath().normalize();
    static final Path SCRAPE = Path.of("target", "prometheus-scrape.txt");
    private static final String ROBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static Http http;
    private static String scrape;

    @BeforeAll
    static void start() {
        app = StandaloneApplication.application().run("--server.port=0", "--mostread.data-dir=" + dataDir,
                "--mostread.kafka.embedded.port=0");
        http = new Http(PipelineScenario.httpPort(app));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    @Test
    @Order(1)
    void everyContractMetricIsExportedAndMovesAfterTraffic() throws IOException {
        String view = "{\"site\":\"ops\",\"articleId\":\"a\",\"visitorId\":\"v1\",\"title\":\"A\"}";
        String robot = "{\"site\":\"ops\",\"articleId\":\"a\",\"userAgent\":\"" + ROBOT + "\"}";
        assertThat(http.postJson("/api/v1/events", "[" + view + "," + view + "," + robot + "]").statusCode()).isEqualTo(202);
        assertThat(http.postJson("/api/v1/events", "{\"site\":\"OPS\"}").statusCode()).isEqualTo(400);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                app.getEnvironment().getProperty("mostread.kafka.bootstrap-servers")), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PAGE_VIEWS, "ops/x", "not json"));
        }
        String app = "{application=\"mostread\"}";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = http.get("/actuator/prometheus").body();
            assertThat(value(now, "mostread_events_accepted_total" + app)).isGreaterThanOrEqualTo(3);
            assertThat(value(now, "mostread_events_rejected_total{application=\"mostread\",reason=\"invalid\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(now, "mostread_views_counted_total" + app)).isGreaterThanOrEqualTo(1);
            for (String reason : List.of("robot", "duplicate", "invalid")) {
                assertThat(value(now, "mostread_views_filtered_total{application=\"mostread\",reason=\"" + reason + "\"}"))
                        .as(reason).isGreaterThanOrEqualTo(1);
            }
            assertThat(value(now, "mostread_rankings_published_total" + app)).isGreaterThanOrEqualTo(1);
            assertThat(value(now, "mostread_ranking_lag_seconds_count" + app)).isGreaterThanOrEqualTo(1);
            assertThat(value(now, "mostread_ranking_age_seconds{application=\"mostread\",period=\"1h\"}")).isGreaterThanOrEqualTo(0);
            scrape = now;
        });
        assertThat(scrape).contains("mostread_ranking_lag_seconds_bucket{application=\"mostread\",le=\"1.0\"}")
                .contains("http_server_requests_seconds_bucket{").contains("kafka_producer_record_send_total{")
                .contains("kafka_consumer_").contains("kafka_stream_client_state{");
        assertThat(scrape.lines().filter(line -> line.startsWith("mostread_")))
                .allSatisfy(line -> assertThat(line).contains("application=\"mostread\"").doesNotContain("articleId"));
        Files.createDirectories(SCRAPE.getParent());
        Files.writeString(SCRAPE, scrape, StandardCharsets.UTF_8);
    }

    @Test
    @Order(2)
    void everyGrafanaPanelQueriesOnlyMetricsTheServicesExport() throws IOException {
        JsonNode dashboard = Json.mapper().readTree(REPOSITORY.resolve("ops/grafana/dashboards/mostread.json").toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher names = Pattern.compile("\\b(?:mostread|kafka|http_server)_[a-z_]+\\b").matcher(target.get("expr").asString());
                while (names.find()) {
                    queried.add(names.group());
                }
            }
        }
        assertThat(queried).isNotEmpty();
        assertThat(queried).allSatisfy(name -> assertThat(scrape).containsPattern("(?m)^" + name + "[{ ]"));
    }

    @Test
    @Order(3)
    void promtoolAcceptsTheScrapeTheConfigurationAndTheAlertRules() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool (Debian's prometheus) is not installed");

        // The whole scrape must parse (exit 1 is a parse error; 3 is lint about Kafka's and the JVM's own
        // names, which are not ours to change); mostread's own metrics must also pass the lint.
        assertThat(run(List.of(promtool.toString(), "check", "metrics"), SCRAPE)).isIn(0, 3);
        Path ours = SCRAPE.resolveSibling("prometheus-scrape-mostread.txt");
        Files.write(ours, scrape.lines().filter(line -> line.matches("^(# (HELP|TYPE) )?mostread_.*")).toList());
        assertThat(run(List.of(promtool.toString(), "check", "metrics"), ours)).isEqualTo(0);
        assertThat(run(List.of(promtool.toString(), "check", "config",
                REPOSITORY.resolve("ops/prometheus/prometheus.yml").toString()), null)).isEqualTo(0);
        assertThat(run(List.of(promtool.toString(), "check", "rules",
                REPOSITORY.resolve("ops/prometheus/alerts.yml").toString()), null)).isEqualTo(0);
    }

    @Test
    @Order(4)
    void theComposeFileIsValid() throws Exception {
        Path compose = Path.of("/usr/bin/docker-compose");
        assumeTrue(Files.isExecutable(compose), "docker-compose is not installed");

        assertThat(run(List.of(compose.toString(), "-f", REPOSITORY.resolve("docker-compose.yml").toString(),
                "config", "-q"), null)).isEqualTo(0);
    }

    @Test
    @Order(5)
    void theOpenApiDocumentDescribesEveryEndpointWithItsProblemShapes() {
        var docs = http.get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = Json.mapper().readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/v1/events")).isTrue();
        assertThat(paths.has("/api/v1/pixel.gif")).isTrue();
        assertThat(paths.has("/api/v1/sites")).isTrue();
        assertThat(paths.has("/api/v1/sites/{site}/most-read")).isTrue();
        assertThat(paths.has("/api/v1/sites/{site}/most-read/stream")).isTrue();
        assertThat(paths.get("/api/v1/sites/{site}/articles/{articleId}").has("put")).isTrue();
        assertThat(paths.get("/api/v1/sites/{site}/articles/{articleId}").has("delete")).isTrue();
        assertThat(paths.get("/api/v1/events").get("post").get("responses").get("400").get("content")
                .has("application/problem+json")).isTrue();
        assertThat(docs.body()).contains("urn:mostread:problem:invalid-events");
        assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(http.get("/swagger-ui.html").statusCode()).isIn(200, 302);
        assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void readinessGoesDownWhenTheBrokerStopsAndComesBackWhenItReturns() {
        EmbeddedKafkaBroker broker = app.getBean(EmbeddedKafkaBroker.class);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        broker.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/actuator/health/readiness").statusCode() == 503);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        broker.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
    }

    /** Runs a command (feeding {@code input} to it, if any), echoes its output, returns its exit code. */
    private static int run(List<String> command, Path input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.println(String.join(" ", command) + "\n" + output);
        return process.exitValue();
    }
}
