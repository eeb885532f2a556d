package dev.mostread.collector.collect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.mostread.shared.web.ClientAddress;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The per-client-IP rate limit: a Bucket4j token bucket per client, one token per event, in a Caffeine cache
 * bounded in size so that many clients cannot grow memory without bound.
 */
public class ClientRateLimits {

    private final CollectorProperties.RateLimit settings;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimits(CollectorProperties.RateLimit settings, CollectorMetrics metrics) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.clients())
                .expireAfterAccess(Duration.ofMinutes(10))
                .removalListener((String client, Bucket bucket, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        metrics.limitHit("rate_limit_clients");
                    }
                })
                .build();
    }

    /**
     * Takes {@code events} tokens from {@code client}'s bucket: one per IPv4 address, one per IPv6 /64.
     *
     * @return 0 when they were taken, else how many whole seconds to wait before trying again
     */
    public long take(String client, int events) {
        if (!settings.enabled()) {
            return 0;
        }
        Bucket bucket = buckets.get(
                ClientAddress.bucket(client),
                key -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(settings.burst())
                                .refillGreedy(settings.perSecond(), Duration.ofSeconds(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(events);
        if (probe.isConsumed()) {
            return 0;
        }
        if (events > settings.burst()) {
            return Math.max(1, settings.burst() / Math.max(1, settings.perSecond()));
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }
}
