package dev.mostread.collector.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.collector.CollectorApplication;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The collector against a real (embedded KRaft) broker: what it accepts is in Kafka, what it rejects is not. */
@SpringBootTest(
        classes = CollectorApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mostread.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            // these tests send thousands of events from one address; AbuseIntegrationTest covers the limit
            "mostread.collector.rate-limit.enabled=false"
        })
@EmbeddedKafka(topics = "page-views", partitions = 6)
class EventsIntegrationTest {

    private static final String EVENTS = "/api/v1/events";
    private static final String VALID = "{\"site\":\"news21\",\"articleId\":\"a1\",\"title\":\"Hello\"}";

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MeterRegistry registry;

    private Http http;
    private TopicProbe probe;
    private long before;

    @BeforeEach
    void measureTheTopic() {
        http = new Http(port);
        probe = new TopicProbe(brokers);
        before = probe.endOffsets(Topics.PAGE_VIEWS);
    }

    private long written() {
        return probe.endOffsets(Topics.PAGE_VIEWS) - before;
    }

    private double rejected(String reason) {
        return registry.get("mostread.events.rejected")
                .tag("reason", reason)
                .counter()
                .count();
    }

    @Test
    void acceptsOneEventOnlyOnceKafkaHasItKeyedByArticle() {
        HttpResponse<String> response = http.postJson(EVENTS, VALID);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":1}");
        assertThat(written()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> records = probe.readAll(Topics.PAGE_VIEWS);
        ConsumerRecord<String, byte[]> last = records.stream()
                .max(java.util.Comparator.comparingLong(ConsumerRecord::timestamp))
                .orElseThrow();
        assertThat(last.key()).isEqualTo("news21/a1");
        assertThat(new String(last.value(), StandardCharsets.UTF_8)).contains("\"timestamp\":");
        assertThat(last.headers().lastHeader(Topics.HEADER_RECEIVED_AT)).isNotNull();
    }

    @Test
    void acceptsAnArrayOfAThousandEvents() {
        String thousand = "[" + String.join(",", Collections.nCopies(1000, VALID)) + "]";

        HttpResponse<String> response = http.postJson(EVENTS, thousand);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":1000}");
        assertThat(written()).isEqualTo(1000);
    }

    @Test
    void rejectsTheWholeRequestWhenOneEventIsInvalidAndWritesNothing() {
        double rejectedBefore = rejected("invalid");
        String body =
                "[" + VALID + ",{\"site\":\"news21\",\"articleId\":\"a b\",\"url\":\"javascript:x\"}," + VALID + "]";

        HttpResponse<String> response = http.postJson(EVENTS, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":400")
                .contains("{\"index\":1,\"field\":\"articleId\"")
                .contains("{\"index\":1,\"field\":\"url\"");
        assertThat(written()).isZero();
        assertThat(rejected("invalid") - rejectedBefore).isEqualTo(3);
    }

    @Test
    void rejectsAThousandAndOneEvents() {
        String tooMany = "[" + String.join(",", Collections.nCopies(1001, VALID)) + "]";

        HttpResponse<String> response = http.postJson(EVENTS, tooMany);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("at most 1000 events");
        assertThat(written()).isZero();
    }

    @Test
    void rejectsABodyOverOneMebibyteWith413() {
        byte[] body = ("[" + VALID + ",\"" + "x".repeat(1024 * 1024) + "\"]").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = http.post(EVENTS, "application/json", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(written()).isZero();
    }

    @Test
    void rejectsOtherContentTypesWith415() {
        double rejectedBefore = rejected("unsupported_media_type");

        HttpResponse<String> response = http.post(EVENTS, "text/plain", VALID);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"status\":415");
        assertThat(written()).isZero();
        assertThat(rejected("unsupported_media_type") - rejectedBefore).isEqualTo(1);
    }

    @Test
    void rejectsTimestampsBeyondTheTimeLimits() {
        long future = Instant.now().plusSeconds(6 * 60).toEpochMilli();
        String old = Instant.now().minusSeconds(8 * 24 * 3600).toString();

        HttpResponse<String> response = http.postJson(
                EVENTS,
                "[{\"site\":\"news21\",\"articleId\":\"a\",\"timestamp\":" + future + "},"
                        + "{\"site\":\"news21\",\"articleId\":\"a\",\"timestamp\":\"" + old + "\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"index\":0,\"field\":\"timestamp\"")
                .contains("\"index\":1,\"field\":\"timestamp\"");
        assertThat(written()).isZero();
    }

    @Test
    void rejectsBodiesThatAreNotJson() {
        HttpResponse<String> response = http.postJson(EVENTS, "{\"site\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid JSON");
        assertThat(written()).isZero();
    }

    @Test
    void thePixelRecordsOneViewFromItsQueryAndAnswersAnUncacheableGif() {
        HttpResponse<String> response = http.get(
                "/api/v1/pixel.gif?site=news21&articleId=amp-1&title=AMP%20story"
                        + "&url=https%3A%2F%2Fnews21.example%2Famp-1",
                "User-Agent", "Mozilla/5.0 (Android 14; Mobile) Firefox/133.0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/gif");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(response.body().getBytes(StandardCharsets.ISO_8859_1)).hasSize(PixelController.GIF.length);
        assertThat(written()).isEqualTo(1);
        String value = probe.readAll(Topics.PAGE_VIEWS).stream()
                .filter(r -> "news21/amp-1".equals(r.key()))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .findFirst()
                .orElseThrow();
        assertThat(value)
                .contains("\"title\":\"AMP story\"")
                .contains("\"userAgent\":\"Mozilla/5.0 (Android 14; Mobile) Firefox/133.0\"");
    }

    @Test
    void thePixelStillAnswersTheGifForBadParametersAndCountsTheRejection() {
        double rejectedBefore = rejected("invalid");

        HttpResponse<String> response = http.get("/api/v1/pixel.gif?site=NOT%20A%20SITE&articleId=");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/gif");
        assertThat(written()).isZero();
        assertThat(rejected("invalid") - rejectedBefore).isEqualTo(1);
    }

    @Test
    void servesTheTrackerScript() {
        HttpResponse<String> response = http.get("/tracker.js");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
        assertThat(response.body()).contains("sendBeacon").contains("/api/v1/events");
    }

    @Test
    void answersTheBeaconPreflightForAnyOriginWithCredentials() {
        HttpResponse<String> response = http.options(
                EVENTS,
                "Origin",
                "https://news21.example",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "content-type");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://news21.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .contains("true");
    }

    @Test
    void countsAcceptedEvents() {
        double before = registry.get("mostread.events.accepted").counter().count();

        http.postJson(EVENTS, "[" + VALID + "," + VALID + "]");

        assertThat(registry.get("mostread.events.accepted").counter().count() - before)
                .isEqualTo(2);
    }
}
