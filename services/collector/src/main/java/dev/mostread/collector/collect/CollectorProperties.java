package dev.mostread.collector.collect;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The collector's settings ({@code mostread.collector.*}).
 *
 * @param maxBodySize larger request bodies get 413
 * @param sendTimeout how long a request waits for Kafka to acknowledge its events before answering 503
 * @param retryAfter the {@code Retry-After} a 503 suggests
 */
@ConfigurationProperties("mostread.collector")
public record CollectorProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("5s") Duration sendTimeout,
        @DefaultValue("5s") Duration retryAfter) {
}
