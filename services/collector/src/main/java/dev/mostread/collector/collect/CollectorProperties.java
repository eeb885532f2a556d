package dev.mostread.collector.collect;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The collector's settings ({@code mostread.collector.*}).
 *
 * @param maxBodySize larger request bodies get 413
 * @param sendTimeout how long a request waits for Kafka to acknowledge its events before answering 503
 * @param retryAfter the {@code Retry-After} a 503 suggests
 * @param rateLimit events per client IP
 * @param maxSites sites this collector takes events for when {@code mostread.sites} lists none: a handful of
 *        sites just work, a flood of invented ones gets 403
 * @param minFreeDisk below this much free space under {@code mostread.data-dir}, events get 503 ({@code disk_low})
 * @param minFreeDiskRatio the same as a share of the disk; whichever is larger applies
 */
@ConfigurationProperties("mostread.collector")
@Validated
public record CollectorProperties(
        @DefaultValue("1MB") @NotNull DataSize maxBodySize,
        @DefaultValue("5s") @NotNull Duration sendTimeout,
        @DefaultValue("5s") @NotNull Duration retryAfter,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue("100") @Min(1) int maxSites,
        @DefaultValue("1GB") @NotNull DataSize minFreeDisk,

        @DefaultValue("0.05") @DecimalMin("0") @DecimalMax("1")
        double minFreeDiskRatio) {

    /**
     * A token bucket per client IP, one token per event.
     *
     * @param enabled on by default
     * @param burst events a client may send at once (a full bucket)
     * @param perSecond events per second the bucket refills
     * @param clients distinct clients remembered at most (the least recently seen are forgotten)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1000") long burst,
            @DefaultValue("100") long perSecond,
            @DefaultValue("100000") long clients) {}
}
