package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mostread.embedded.EmbeddedKafkaBroker;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.testing.Http;
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
import tools.jackson.databind.JsonNode;

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
        app = StandaloneApplication.application()
                .run("--server.port=0", "--mostread.data-dir=" + dataDir, "--mostread.kafka.embedded.port=0");
        http = new Http(PipelineScenario.httpPort(app));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$")
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    @Test
    @Order(1)
    void everyContractMetricIsExportedAndMovesAfterTraffic() throws IOException {
        String view = "{\"site\":\"ops\",\"articleId\":\"a\",\"visitorId\":\"v1\",\"title\":\"A\"}";
        String robot = "{\"site\":\"ops\",\"articleId\":\"a\",\"userAgent\":\"" + ROBOT + "\"}";
        assertThat(http.postJson("/api/v1/events", "[" + view + "," + view + "," + robot + "]")
                        .statusCode())
                .isEqualTo(202);
        assertThat(http.postJson("/api/v1/events", "{\"site\":\"OPS\"}").statusCode())
                .isEqualTo(400);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        app.getEnvironment().getProperty("mostread.kafka.bootstrap-servers")),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PAGE_VIEWS, "ops/x", "not json"));
        }
        String app = "{application=\"mostread\"}";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String now = http.get("/actuator/prometheus").body();
            assertThat(value(now, "mostread_events_accepted_total" + app)).isGreaterThanOrEqualTo(3);
            assertThat(value(now, "mostread_events_rejected_total{application=\"mostread\",reason=\"invalid\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(now, "mostread_views_counted_total" + app)).isGreaterThanOrEqualTo(1);
            for (String reason : List.of("robot", "duplicate", "invalid")) {
                assertThat(value(
                                now,
                                "mostread_views_filtered_total{application=\"mostread\",reason=\"" + reason + "\"}"))
                        .as(reason)
                        .isGreaterThanOrEqualTo(1);
            }
            assertThat(value(now, "mostread_rankings_published_total" + app)).isGreaterThanOrEqualTo(1);
            assertThat(value(now, "mostread_ranking_lag_seconds_count" + app)).isGreaterThanOrEqualTo(1);
            assertThat(value(now, "mostread_ranking_age_seconds{application=\"mostread\",period=\"1h\"}"))
                    .isGreaterThanOrEqualTo(0);
            scrape = now;
        });
        assertThat(scrape)
                .contains("mostread_ranking_lag_seconds_bucket{application=\"mostread\",le=\"1.0\"}")
                .contains("http_server_requests_seconds_bucket{")
                .contains("kafka_producer_record_send_total{")
                .contains("kafka_consumer_")
                .contains("kafka_stream_client_state{");
        assertThat(scrape.lines().filter(line -> line.startsWith("mostread_")))
                .allSatisfy(line ->
                        assertThat(line).contains("application=\"mostread\"").doesNotContain("articleId"));
        Files.createDirectories(SCRAPE.getParent());
        Files.writeString(SCRAPE, scrape, StandardCharsets.UTF_8);
    }

    @Test
    @Order(2)
    void everyGrafanaPanelQueriesOnlyMetricsTheServicesExport() throws IOException {
        JsonNode dashboard = Json.mapper()
                .readTree(REPOSITORY
                        .resolve("ops/grafana/dashboards/mostread.json")
                        .toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher names = Pattern.compile("\\b(?:mostread|kafka|http_server)_[a-z_]+\\b")
                        .matcher(target.get("expr").asString());
                while (names.find()) {
                    queried.add(names.group());
                }
            }
        }
        assertThat(queried).isNotEmpty();
        assertThat(queried).allSatisfy(name -> assertThat(scrape).containsPattern("(?m)^" + name + "[{ ]"));
        // the application and instance variables list the values of a metric every service exports
        JsonNode variables = dashboard.get("templating").get("list");
        assertThat(variables)
                .extracting(variable -> variable.get("name").asString())
                .containsExactly("application", "instance");
        assertThat(variables)
                .allSatisfy(variable ->
                        assertThat(variable.get("definition").asString()).contains("process_uptime_seconds"));
        assertThat(scrape).containsPattern("(?m)^process_uptime_seconds\\{application=\"mostread\"");
        assertThat(dashboard.get("panels"))
                .allSatisfy(panel -> assertThat(
                                panel.get("targets").get(0).get("expr").asString())
                        .contains("instance=~\"$instance\""));
    }

    @Test
    @Order(2)
    void everyAlertWatchesMetricsTheServicesExport() throws IOException {
        String rules = Files.readString(REPOSITORY.resolve("ops/prometheus/alerts.yml"));
        Set<String> watched = new TreeSet<>();
        Matcher names = Pattern.compile("\\b(?:mostread|kafka)_[a-z_]+(?=[{\\[)\\s])")
                .matcher(rules.lines()
                        .filter(line -> !line.trim().startsWith("#") && !line.contains("summary:"))
                        .collect(java.util.stream.Collectors.joining("\n")));
        while (names.find()) {
            watched.add(names.group());
        }
        assertThat(watched).contains("mostread_ranker_stalled", "mostread_ranker_rebalances_total");
        // counters of things that have not happened in this run are registered on first use
        Set<String> onFirstUse = Set.of("mostread_limits_hit_total", "mostread_dead_letters_total");
        assertThat(watched)
                .filteredOn(name -> !onFirstUse.contains(name))
                .allSatisfy(name -> assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    @Test
    @Order(3)
    void promtoolAcceptsTheScrapeTheConfigurationAndTheAlertRules() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool (Debian's prometheus) is not installed");

        // The whole scrape must parse (exit 1 is a parse error; 3 is lint about Kafka's and the JVM's own
        // names, which are not ours to change); mostread's own metrics must also pass the lint.
        assertThat(run(List.of(promtool.toString(), "check", "metrics"), SCRAPE))
                .isIn(0, 3);
        Path ours = SCRAPE.resolveSibling("prometheus-scrape-mostread.txt");
        Files.write(
                ours,
                scrape.lines()
                        .filter(line -> line.matches("^(# (HELP|TYPE) )?mostread_.*"))
                        .toList());
        assertThat(run(List.of(promtool.toString(), "check", "metrics"), ours)).isEqualTo(0);
        assertThat(run(
                        List.of(
                                promtool.toString(),
                                "check",
                                "config",
                                REPOSITORY
                                        .resolve("ops/prometheus/prometheus.yml")
                                        .toString()),
                        null))
                .isEqualTo(0);
        assertThat(run(
                        List.of(
                                promtool.toString(),
                                "check",
                                "rules",
                                REPOSITORY.resolve("ops/prometheus/alerts.yml").toString()),
                        null))
                .isEqualTo(0);
        // every alert on synthetic series, and a quiet night on which none fires
        assertThat(run(
                        List.of(
                                promtool.toString(),
                                "test",
                                "rules",
                                REPOSITORY
                                        .resolve("ops/prometheus/alerts.test.yml")
                                        .toString()),
                        null))
                .isEqualTo(0);
    }

    @Test
    @Order(3)
    void nginxFromTheRepositoryServesThePublicApiAndNoOperatorPath(@TempDir Path nginxDir) throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        assumeTrue(Files.isExecutable(nginx), "nginx (Debian's) is not installed");
        int app = PipelineScenario.httpPort(OperationsIntegrationTest.app);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String dir = nginxDir.toAbsolutePath().toString();
        // the repository's file, pointed at this app instead of compose's hosts, with its paths in a temp dir
        String conf = Files.readString(REPOSITORY.resolve("ops/nginx/nginx.conf"))
                .replace("server api-1:8080; server api-2:8080;", "server 127.0.0.1:" + app + ";")
                .replace("server collector:8080;", "server 127.0.0.1:" + app + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                .replace("/var/cache/nginx/mostread", dir + "/cache")
                .replace(
                        "worker_processes auto;",
                        "worker_processes 1; daemon off; pid " + dir + "/nginx.pid; error_log " + dir + "/error.log;")
                .replace(
                        "http {",
                        "http { access_log off; client_body_temp_path " + dir + "/body; proxy_temp_path "
                                + dir + "/proxy; fastcgi_temp_path " + dir + "/f; uwsgi_temp_path " + dir
                                + "/u; scgi_temp_path "
                                + dir + "/s;");
        Files.setPosixFilePermissions(nginxDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path file = nginxDir.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process process = new ProcessBuilder(
                        nginx.toString(), "-p", dir, "-c", file.toString(), "-e", dir + "/error.log")
                .redirectErrorStream(true)
                .redirectOutput(nginxDir.resolve("nginx.out").toFile())
                .start();
        try {
            Http proxied = new Http(port);
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(() -> proxied.get("/nginx-health").statusCode() == 200);
            for (String publicPath : List.of(
                    "/api/v1/sites",
                    "/api/v1/sites/ops/most-read",
                    "/api/v1/sites/ops/most-read.html",
                    "/widget.js",
                    "/tracker.js")) {
                assertThat(proxied.get(publicPath).statusCode())
                        .as(publicPath)
                        .isEqualTo(http.get(publicPath).statusCode())
                        .isLessThan(400);
            }
            List<String> operatorPaths = List.of(
                    "/actuator/health",
                    "/actuator/prometheus",
                    "/dashboard",
                    "/dashboard.js",
                    "/api/v1/stats",
                    "/swagger-ui.html",
                    "/v3/api-docs");
            for (String operatorPath : operatorPaths) {
                assertThat(http.get(operatorPath).statusCode())
                        .as("straight to the app: %s", operatorPath)
                        .isLessThan(400);
                assertThat(proxied.get(operatorPath).statusCode())
                        .as(operatorPath)
                        .isEqualTo(404);
            }
            for (String disguised : List.of(
                    "/api/v1/../actuator/health",
                    "/api/v1/sites/../stats",
                    "/%61ctuator/health",
                    "/api/v1/sites/x/../../stats",
                    "/api/v1/sites/%2e%2e/stats",
                    "/api/v1/sites/..%2fstats")) {
                assertThat(proxied.get(disguised).statusCode()).as(disguised).isEqualTo(404);
            }
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(4)
    void theComposeFileIsValid() throws Exception {
        Path compose = Path.of("/usr/bin/docker-compose");
        assumeTrue(Files.isExecutable(compose), "docker-compose is not installed");

        List<String> config = List.of(
                compose.toString(),
                "-f",
                REPOSITORY.resolve("docker-compose.yml").toString(),
                "--profile",
                "monitoring",
                "config",
                "-q");
        assertThat(run(config, null, Map.of("GRAFANA_ADMIN_PASSWORD", "a-secret-for-the-test")))
                .isEqualTo(0);
        assertThat(run(config, null, Map.of())).isEqualTo(0);
        // only nginx publishes a port on every interface; monitoring binds to this host's loopback
        String file = Files.readString(REPOSITORY.resolve("docker-compose.yml"));
        assertThat(Pattern.compile("ports: \\[\"(?!127\\.0\\.0\\.1:)")
                        .matcher(file)
                        .results()
                        .count())
                .isEqualTo(1);
        assertThat(file).contains("ports: [\"8080:80\"]");
        // Grafana has no default password: it will not start as admin/admin
        assertThat(file)
                .doesNotContain("GF_SECURITY_ADMIN_PASSWORD: admin")
                .contains(
                        "GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD:-}",
                        "|| { echo 'set GRAFANA_ADMIN_PASSWORD'");
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
        assertThat(paths.get("/api/v1/sites/{site}/articles/{articleId}").has("put"))
                .isTrue();
        assertThat(paths.get("/api/v1/sites/{site}/articles/{articleId}").has("delete"))
                .isTrue();
        assertThat(paths.get("/api/v1/events")
                        .get("post")
                        .get("responses")
                        .get("400")
                        .get("content")
                        .has("application/problem+json"))
                .isTrue();
        assertThat(docs.body()).contains("urn:mostread:problem:invalid-events");
        assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(http.get("/swagger-ui.html").statusCode()).isIn(200, 302);
        assertThat(http.get("/actuator/env").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void theDashboardsNumbersAreTheWholeSystemsAsEveryInstanceReportsThemToKafka() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = http.get("/actuator/prometheus").body();
            JsonNode stats = Json.mapper().readTree(http.get("/api/v1/stats").body());
            // counted and filtered are the ranker's exactly-once totals: with nothing re-processed, its meters
            assertThat(stats.get("exact").asBoolean()).isTrue();
            assertThat(stats.get("counted").asDouble())
                    .isEqualTo(value(scrape, "mostread_views_counted_total{application=\"mostread\"}"))
                    .isPositive();
            assertThat(stats.get("accepted").asDouble())
                    .isEqualTo(value(scrape, "mostread_events_accepted_total{application=\"mostread\"}"));
            assertThat(stats.get("filtered").get("robot").asDouble())
                    .isEqualTo(
                            value(scrape, "mostread_views_filtered_total{application=\"mostread\",reason=\"robot\"}"));
            JsonNode instances = stats.get("instances");
            assertThat(instances).hasSize(1);
            assertThat(instances.get(0).get("application").asString()).isEqualTo("mostread");
            assertThat(instances.get(0).get("health").asString()).isEqualTo("UP");
        });
    }

    @Test
    @Order(6)
    void readinessGoesDownWhenTheBrokerStopsAndComesBackWhenItReturns() {
        EmbeddedKafkaBroker broker = app.getBean(EmbeddedKafkaBroker.class);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        broker.stop();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 503);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        broker.start();
        await().atMost(Duration.ofSeconds(120))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
    }

    /** Runs a command (feeding {@code input} to it, if any), echoes its output, returns its exit code. */
    private static int run(List<String> command, Path input) throws IOException, InterruptedException {
        return run(command, input, null);
    }

    /** @param environment the variables to set, or null to inherit; an empty map removes GRAFANA_ADMIN_PASSWORD */
    private static int run(List<String> command, Path input, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (environment != null) {
            builder.environment().remove("GRAFANA_ADMIN_PASSWORD");
            builder.environment().putAll(environment);
        }
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
