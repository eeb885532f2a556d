package dev.mostread.shared.pageview;

import java.time.Duration;

/**
 * The contract's time limits on an event's timestamp: at most 5 minutes in the future (clock skew of the
 * reader's device) and at most 7 days old (the longest rolling period).
 */
public final class TimeLimits {

    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    public static final Duration MAX_AGE = Duration.ofDays(7);

    public enum Verdict {
        IN_RANGE,
        FUTURE,
        TOO_OLD
    }

    private TimeLimits() {}

    public static Verdict check(long eventTimeMillis, long nowMillis) {
        if (eventTimeMillis > nowMillis + MAX_FUTURE.toMillis()) {
            return Verdict.FUTURE;
        }
        if (eventTimeMillis < nowMillis - MAX_AGE.toMillis()) {
            return Verdict.TOO_OLD;
        }
        return Verdict.IN_RANGE;
    }
}
