package dev.mostread.api.serve;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the API's caps that bite (§7), in {@code mostread.limits.hit{limit}}. */
public class ApiLimits {

    private final MeterRegistry registry;

    public ApiLimits(MeterRegistry registry) {
        this.registry = registry;
    }

    void limitHit(String limit) {
        Counter.builder("mostread.limits.hit").description("Times a cap on state or requests was applied")
                .tag("limit", limit).register(registry).increment();
    }
}
