package dev.mostread.ranker.stream;

import dev.mostread.shared.system.LimitsHit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The ranker's counters (§6): views counted, views filtered by reason, lists published. */
public final class RankerMetrics {

    /** Why a view was not counted; the lower-case name is the {@code reason} tag. */
    public enum FilterReason {
        ROBOT,
        DUPLICATE,
        NOT_ARTICLE,
        TOO_OLD,
        FUTURE,
        HIDDEN,
        INVALID;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Counter counted;
    private final Counter published;
    private final Timer lag;
    private final Map<FilterReason, Counter> filtered = new EnumMap<>(FilterReason.class);
    private final MeterRegistry registry;
    private final LimitsHit limits;

    public RankerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.limits = new LimitsHit(registry);
        counted = Counter.builder("mostread.views.counted")
                .description("Page views counted toward the lists")
                .register(registry);
        published = Counter.builder("mostread.rankings.published")
                .description("Lists published to the rankings topic")
                .register(registry);
        lag = Timer.builder("mostread.ranking.lag")
                .description("From the arrival of the oldest view in a list update to the update's publication")
                .serviceLevelObjectives(
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30))
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        for (FilterReason reason : FilterReason.values()) {
            filtered.put(
                    reason,
                    Counter.builder("mostread.views.filtered")
                            .description("Page views not counted, by reason")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
    }

    void counted() {
        counted.increment();
    }

    void filtered(FilterReason reason) {
        filtered.get(reason).increment();
    }

    /** One list written to {@code rankings}; {@code lagMillis} negative when no new view caused it. */
    void published(long lagMillis) {
        published.increment();
        if (lagMillis >= 0) {
            lag.record(Duration.ofMillis(lagMillis));
        }
    }

    /**
     * One record sent to {@code page-views-dlq}, by where it failed: {@code page-views} and {@code articles} for
     * unreadable input, {@code processing} and {@code production} for records that failed later.
     */
    public void deadLettered(String stage) {
        Counter.builder("mostread.dead.letters")
                .description("Records sent to the dead-letter topic, by stage")
                .tag("stage", stage)
                .register(registry)
                .increment();
    }

    /** A cap that bit (§7): {@code limit} names it, never a value from the input. */
    public void limitHit(String limit) {
        limits.hit(limit);
    }
}
