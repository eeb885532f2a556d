package dev.mostread.collector.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.collector.CollectorApplication;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The collector's defences, each answered as the contract says, counted, and writing nothing. */
@SpringBootTest(
        classes = CollectorApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mostread.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "mostread.trusted-proxies=127.0.0.1/32,::1/128",
            "mostread.sites.news21.allowed-origins=https://news21.example",
            "mostread.sites.daily.zone=Europe/Paris",
            "mostread.collector.rate-limit.burst=5",
            "mostread.collector.rate-limit.per-second=1"
        })
@EmbeddedKafka(topics = "page-views", partitions = 6)
class AbuseIntegrationTest {

    private static final String EVENTS = "/api/v1/events";

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

    private static String view(String site) {
        return "{\"site\":\"" + site + "\",\"articleId\":\"a\"}";
    }

    /** Each test is its own client, so that rate limits do not leak between tests. */
    private HttpResponse<String> post(String client, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = client;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.postJson(EVENTS, body, all);
    }

    @Test
    void eventsForASiteNotServedHereAre403AndNotWritten() {
        double rejectedBefore = rejected("site_not_allowed");

        HttpResponse<String> response = post("198.51.100.1", "[" + view("daily") + "," + view("elsewhere") + "]");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("site-not-allowed").contains("\"index\":1,\"field\":\"site\"");
        assertThat(written()).isZero();
        assertThat(rejected("site_not_allowed") - rejectedBefore).isEqualTo(2);
    }

    @Test
    void aSitesAllowedOriginsAreTheOnlyPagesThatMaySendItsEvents() {
        double rejectedBefore = rejected("origin_not_allowed");

        assertThat(post("198.51.100.2", view("news21"), "Origin", "https://evil.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(rejected("origin_not_allowed") - rejectedBefore).isEqualTo(1);
        assertThat(written()).isZero();

        assertThat(post("198.51.100.2", view("news21"), "Origin", "https://news21.example")
                        .statusCode())
                .isEqualTo(202);
        assertThat(post("198.51.100.2", view("news21")).statusCode())
                .as("no Origin: a server")
                .isEqualTo(202);
        assertThat(post("198.51.100.2", view("daily"), "Origin", "https://evil.example")
                        .statusCode())
                .as("a site without allowed origins takes any")
                .isEqualTo(202);
        assertThat(written()).isEqualTo(3);
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterAndOthersDoNot() {
        double rejectedBefore = rejected("rate_limited");
        String five = "[" + String.join(",", java.util.Collections.nCopies(5, view("daily"))) + "]";

        assertThat(post("203.0.113.9", five).statusCode()).isEqualTo(202);
        HttpResponse<String> limited = post("203.0.113.9", view("daily"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElseThrow())
                .isPositive();
        assertThat(limited.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(rejected("rate_limited") - rejectedBefore).isEqualTo(1);
        assertThat(post("203.0.113.10", view("daily")).statusCode())
                .as("another client")
                .isEqualTo(202);
        assertThat(written()).isEqualTo(6);
    }

    @Test
    void aPixelFromAPageOutsideTheSitesAllowedOriginsIsNotRecordedButStillAnswersTheGif() {
        double rejectedBefore = rejected("origin_not_allowed");
        String pixel = "/api/v1/pixel.gif?site=news21&articleId=amp-story";

        HttpResponse<String> elsewhere =
                http.get(pixel, "X-Forwarded-For", "198.51.100.3", "Referer", "https://evil.example/page");
        HttpResponse<String> noReferer = http.get(pixel, "X-Forwarded-For", "198.51.100.3");
        HttpResponse<String> own =
                http.get(pixel, "X-Forwarded-For", "198.51.100.3", "Referer", "https://news21.example/amp/story");

        assertThat(List.of(elsewhere.statusCode(), noReferer.statusCode(), own.statusCode()))
                .containsOnly(200);
        assertThat(rejected("origin_not_allowed") - rejectedBefore).isEqualTo(2);
        assertThat(written()).isEqualTo(1);
    }
}
