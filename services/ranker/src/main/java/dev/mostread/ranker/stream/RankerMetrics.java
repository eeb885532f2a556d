package dev.mostread.ranker.stream;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The ranker's counters (§6): views counted, views filtered by reason, lists published. */
public final class RankerMetrics {

    /** Why a view was not counted; the lower-case name is the {@code reason} tag. */
    public enum FilterReason {
        ROBOT, DUPLICATE, NOT_ARTICLE, TOO_OLD, FUTURE, HIDDEN, INVALID;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Counter counted;
    private final Counter published;
    private final Map<FilterReason, Counter> filtered = new EnumMap<>(FilterReason.class);

    public RankerMetrics(MeterRegistry registry) {
        counted = Counter.builder("mostread.views.counted")
                .description("Page views counted toward the lists").register(registry);
        published = Counter.builder("mostread.rankings.published")
                .description("Lists published to the rankings topic").register(registry);
        for (FilterReason reason : FilterReason.values()) {
            filtered.put(reason, Counter.builder("mostread.views.filtered")
                    .description("Page views not counted, by reason")
                    .tag("reason", reason.tag()).register(registry));
        }
    }

    void counted() {
        counted.increment();
    }

    void filtered(FilterReason reason) {
        filtered.get(reason).increment();
    }

    void published() {
        published.increment();
    }
}
