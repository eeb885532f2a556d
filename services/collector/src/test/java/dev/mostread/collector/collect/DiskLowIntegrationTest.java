package dev.mostread.collector.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.collector.CollectorApplication;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.testing.Http;
import dev.mostread.shared.testing.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** A disk nearer full than the collector allows: events get 503 disk-low, counted, and nothing is written. */
@SpringBootTest(
        classes = CollectorApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mostread.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            // no disk has this much free: the guard must answer as if the data dir's disk were full
            "mostread.collector.min-free-disk=100000TB"
        })
@EmbeddedKafka(topics = "page-views", partitions = 6)
class DiskLowIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MeterRegistry registry;

    @Test
    void eventsAreRefusedWith503DiskLowBeforeTheDiskFills() {
        TopicProbe probe = new TopicProbe(brokers);
        long before = probe.endOffsets(Topics.PAGE_VIEWS);

        HttpResponse<String> response =
                new Http(port).postJson("/api/v1/events", "{\"site\":\"news21\",\"articleId\":\"a\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("disk-low");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(registry.get("mostread.events.rejected")
                        .tag("reason", "disk_low")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(probe.endOffsets(Topics.PAGE_VIEWS)).isEqualTo(before);
    }
}
