package dev.mostread.collector.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.collector.CollectorApplication;
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

/** Thousands of generated hostile requests to the collector: never a 5xx, and it still works afterwards. */
@SpringBootTest(
        classes = CollectorApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mostread.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "mostread.collector.rate-limit.enabled=false"
        })
@EmbeddedKafka(topics = "page-views", partitions = 6)
class HostileRequestsIntegrationTest {

    private static final long SEED = 20261126L;
    private static final int CASES = TestScale.times(2000);

    @LocalServerPort
    int port;

    @Test
    void noGeneratedBodyContentTypeOrHeaderGetsA5xx() {
        Http http = new Http(port);
        HostileInput input = new HostileInput(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            byte[] body = input.body();
            String contentType = input.contentType();
            HttpResponse<String> response;
            try {
                response = http.post("/api/v1/events", contentType, body);
            } catch (IllegalArgumentException e) {
                continue; // a header the client itself refuses to send
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertThat(response.statusCode())
                    .as("case %d of seed %d: %s, %d bytes", i, SEED, contentType, body.length)
                    .isLessThan(500);
        }
        System.out.println("POST /api/v1/events, " + CASES + " hostile requests, statuses: " + statuses);
        assertThat(statuses).containsKeys(202, 400, 415);
        assertThat(http.postJson("/api/v1/events", "{\"site\":\"news21\",\"articleId\":\"still-fine\"}")
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void noGeneratedPixelQueryGetsAnythingButTheGif() {
        Http http = new Http(port);
        HostileInput input = new HostileInput(SEED + 1);
        for (int i = 0; i < CASES / 2; i++) {
            String query =
                    "site=" + input.parameter() + "&articleId=" + input.parameter() + "&timestamp=" + input.parameter()
                            + "&url=" + input.parameter() + "&" + input.parameter() + "=" + input.parameter();
            HttpResponse<String> response;
            try {
                response = http.get("/api/v1/pixel.gif?" + query);
            } catch (IllegalArgumentException e) {
                continue; // a URI the client itself refuses to send
            }
            assertThat(response.statusCode()).as("case %d: %s", i, query).isIn(200, 400);
        }
    }
}
