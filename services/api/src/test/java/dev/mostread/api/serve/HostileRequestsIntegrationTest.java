package dev.mostread.api.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.api.ApiApplication;
import dev.mostread.shared.testing.HostileInput;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TestScale;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** Thousands of generated hostile paths, parameters, headers and catalog bodies: never a 5xx. */
@SpringBootTest(
        classes = ApiApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mostread.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "mostread.admin-token=hostile-test-token"
        })
@EmbeddedKafka(
        topics = {"rankings", "articles"},
        partitions = 6)
class HostileRequestsIntegrationTest {

    private static final long SEED = 20261127L;
    private static final int CASES = TestScale.times(2000);

    @LocalServerPort
    int port;

    @Test
    void noGeneratedListRequestGetsA5xx() {
        Http http = new Http(port);
        HostileInput input = new HostileInput(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            String path = "/api/v1/sites/" + input.parameter() + "/most-read"
                    + (input.nextInt(4) == 0 ? "/stream" : "")
                    + "?period=" + input.parameter() + "&section=" + input.parameter() + "&limit=" + input.parameter();
            HttpResponse<String> response;
            try {
                response = http.get(
                        path, "If-None-Match", printable(input.text(10)), "Accept", printable(input.contentType()));
            } catch (IllegalArgumentException e) {
                continue; // a URI or header the client itself refuses to send
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertThat(response.statusCode())
                    .as("case %d of seed %d: %s", i, SEED, path)
                    .isLessThan(500);
        }
        System.out.println("GET most-read, " + CASES + " hostile requests, statuses: " + statuses);
        assertThat(statuses).containsKeys(400, 404);
        assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(CASES / 2);
    }

    /** What an HTTP client will put in a header: printable ASCII. */
    private static String printable(String value) {
        return value.replaceAll("[^\\x20-\\x7e]", "");
    }

    @Test
    void noGeneratedCatalogWriteGetsA5xx() {
        Http http = new Http(port);
        HostileInput input = new HostileInput(SEED + 1);
        for (int i = 0; i < CASES / 2; i++) {
            String path = "/api/v1/sites/" + input.parameter() + "/articles/" + input.parameter();
            String token = input.nextInt(2) == 0 ? "Bearer hostile-test-token" : "Bearer " + input.parameter();
            String body = new String(input.body(), java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> response;
            try {
                response = input.nextInt(5) == 0
                        ? http.delete(path, "Authorization", token)
                        : http.put(path, body, "Authorization", token);
            } catch (IllegalArgumentException e) {
                continue;
            }
            assertThat(response.statusCode()).as("case %d: %s", i, path).isLessThan(500);
        }
    }
}
