package dev.mostread.collector.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.collector.CollectorApplication;
import dev.mostread.shared.testing.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no broker to take the events, the collector says so within its send timeout, and never 202. */
@SpringBootTest(
        classes = CollectorApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mostread.collector.send-timeout=2s")
class KafkaUnavailableIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void pointAtANodeThatIsNotThere(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("mostread.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
    }

    @Test
    void answers503WithRetryAfterWithinTheSendTimeout() {
        long start = System.nanoTime();

        HttpResponse<String> response =
                new Http(port).postJson("/api/v1/events", "{\"site\":\"news21\",\"articleId\":\"a1\"}");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }
}
