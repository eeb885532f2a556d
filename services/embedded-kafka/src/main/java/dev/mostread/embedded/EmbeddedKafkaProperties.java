package dev.mostread.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded broker ({@code mostread.kafka.embedded.*}); started only when
 * {@code mostread.kafka.bootstrap-servers} is not set.
 *
 * @param port the broker's client port on 127.0.0.1 (0 picks a free one)
 * @param controllerPort the KRaft controller's port on 127.0.0.1 (0 picks a free one)
 */
@ConfigurationProperties("mostread.kafka.embedded")
@Validated
public record EmbeddedKafkaProperties(
        @DefaultValue("9092") int port, @DefaultValue("0") int controllerPort) {}
