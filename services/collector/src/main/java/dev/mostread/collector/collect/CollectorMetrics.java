package dev.mostread.collector.collect;

import dev.mostread.shared.system.LimitsHit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The collector's counters (§6): events accepted, events rejected by reason. */
public class CollectorMetrics {

    /** Why events were turned away; the lower-case name is the {@code reason} tag. */
    public enum RejectReason {
        INVALID,
        TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        KAFKA_UNAVAILABLE,
        RATE_LIMITED,
        SITE_NOT_ALLOWED,
        ORIGIN_NOT_ALLOWED,
        SITE_LIMIT,
        DISK_LOW;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Counter accepted;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final LimitsHit limits;

    public CollectorMetrics(MeterRegistry registry) {
        this.limits = new LimitsHit(registry);
        accepted = Counter.builder("mostread.events.accepted")
                .description("Page views acknowledged by Kafka and answered 202")
                .register(registry);
        for (RejectReason reason : RejectReason.values()) {
            rejected.put(
                    reason,
                    Counter.builder("mostread.events.rejected")
                            .description("Page views turned away, by reason")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
    }

    void accepted(int events) {
        accepted.increment(events);
    }

    void rejected(RejectReason reason, int events) {
        rejected.get(reason).increment(events);
    }

    /** A cap that bit (§7): {@code limit} names it, never a value from the request. */
    void limitHit(String limit) {
        limits.hit(limit);
    }
}
