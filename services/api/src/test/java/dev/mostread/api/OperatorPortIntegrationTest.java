package dev.mostread.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.shared.system.ServiceDefaults;
import dev.mostread.shared.testing.Http;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The API as its jar starts it (operator surfaces on the management port, {@link ServiceDefaults}), on random
 * ports: the public port, which nginx and the internet reach, answers 404 for every operator path; the management
 * port serves them; the health endpoint shows its details only to a request with the admin token.
 */
@SpringBootTest(
        classes = ApiApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mostread.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "management.server.port=0",
            "springdoc.use-management-port=true",
            "mostread.admin-token=op-secret"
        })
@EmbeddedKafka(
        topics = {"rankings", "articles"},
        partitions = 1)
class OperatorPortIntegrationTest {

    /** (uPlot, a published chart library under /webjars, is no operator surface: it stays a public file.) */
    private static final List<String> OPERATOR_PATHS = List.of(
            "/actuator",
            "/actuator/health",
            "/actuator/health/readiness",
            "/actuator/prometheus",
            "/dashboard",
            "/dashboard.js",
            "/dashboard.css",
            "/api/v1/stats",
            "/swagger-ui.html",
            "/swagger-ui/index.html",
            "/v3/api-docs",
            "/actuator/openapi",
            "/actuator/swagger-ui");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private Http publicPort;
    private Http operatorPort;

    @BeforeEach
    void connect() {
        publicPort = new Http(port);
        operatorPort = new Http(managementPort);
    }

    @Test
    void theJarsDefaultsPutTheOperatorSurfacesOnTheirOwnPort() {
        assertThat(ServiceDefaults.of("mostread-api"))
                .containsEntry("management.server.port", 8081)
                .containsEntry("springdoc.use-management-port", true);
        assertThat(managementPort).isNotEqualTo(port);
    }

    @Test
    void thePublicPortAnswersNotFoundForEveryOperatorPathAndStillServesThePublicApi() {
        for (String path : OPERATOR_PATHS) {
            assertThat(publicPort.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(publicPort.get("/api/v1/sites").statusCode()).isEqualTo(200);
        assertThat(publicPort.get("/widget.js").statusCode()).isEqualTo(200);
        assertThat(operatorPort.get("/api/v1/sites").statusCode())
                .as("the public API is not on the operator port")
                .isEqualTo(404);
    }

    @Test
    void theManagementPortServesTheDashboardItsNumbersTheMetricsAndTheApiDocs() {
        // ready once the rankings topic has been read to its end, a moment after the start
        await().atMost(Duration.ofSeconds(30))
                .until(() -> operatorPort.get("/actuator/health/readiness").statusCode() == 200);
        assertThat(operatorPort.get("/actuator/prometheus").body()).contains("mostread_");
        assertThat(operatorPort.get("/dashboard").body()).contains("<title>mostread — operators' dashboard</title>");
        assertThat(operatorPort.get("/dashboard.js").body()).contains("publicApi");
        assertThat(operatorPort
                        .get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")
                        .statusCode())
                .isEqualTo(200);
        // the dashboard's page calls the public API on its own port
        assertThat(operatorPort.get("/api/v1/stats").body()).contains("\"publicApi\":\":" + port + "\"");
        assertThat(operatorPort.get("/actuator/openapi").body()).contains("/api/v1/sites/{site}/most-read");
        assertThat(operatorPort.get("/actuator/swagger-ui").statusCode()).isLessThan(400);
    }

    @Test
    void healthShowsItsDetailsOnlyToARequestWithTheAdminToken() {
        String anonymous = operatorPort.get("/actuator/health").body();
        String wrongToken = operatorPort
                .get("/actuator/health", "Authorization", "Bearer guess")
                .body();
        String operator = operatorPort
                .get("/actuator/health", "Authorization", "Bearer op-secret")
                .body();

        assertThat(anonymous).contains("\"status\"").doesNotContain("diskSpace", "path", "components");
        assertThat(wrongToken).doesNotContain("diskSpace", "components");
        assertThat(operator).contains("components", "diskSpace", "rankings");
    }
}
