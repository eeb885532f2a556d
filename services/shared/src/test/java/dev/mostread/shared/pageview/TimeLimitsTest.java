package dev.mostread.shared.pageview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeLimitsTest {

    private static final long NOW = Instant.parse("2026-11-26T12:00:00Z").toEpochMilli();

    @Test
    void acceptsUpToFiveMinutesAheadAndRejectsBeyond() {
        long fiveMinutes = Duration.ofMinutes(5).toMillis();
        assertThat(TimeLimits.check(NOW + fiveMinutes, NOW)).isEqualTo(TimeLimits.Verdict.IN_RANGE);
        assertThat(TimeLimits.check(NOW + fiveMinutes + 1, NOW)).isEqualTo(TimeLimits.Verdict.FUTURE);
    }

    @Test
    void acceptsUpToSevenDaysOldAndRejectsOlder() {
        long sevenDays = Duration.ofDays(7).toMillis();
        assertThat(TimeLimits.check(NOW - sevenDays, NOW)).isEqualTo(TimeLimits.Verdict.IN_RANGE);
        assertThat(TimeLimits.check(NOW - sevenDays - 1, NOW)).isEqualTo(TimeLimits.Verdict.TOO_OLD);
    }
}
