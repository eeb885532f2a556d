package dev.mostread.shared.system;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code mostread.limits.hit{limit}} (§7): one count each time a cap on state or requests is applied, in any
 * service. {@code limit} names the cap; it never holds a value from the input.
 */
public final class LimitsHit {

    private final MeterRegistry registry;

    public LimitsHit(MeterRegistry registry) {
        this.registry = registry;
    }

    public void hit(String limit) {
        Counter.builder("mostread.limits.hit")
                .description("Times a cap on state or requests was applied")
                .tag("limit", limit)
                .register(registry)
                .increment();
    }
}
