package dev.mostread.ranker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressWatchdogTest {

    private static final long T0 = 1_000_000L;
    private static final long SECOND = 1000L;
    private final ProgressWatchdog watchdog = new ProgressWatchdog(Duration.ofSeconds(60), T0);

    @Test
    void inputWaitingWithCommitsMovingIsProgress() {
        for (int i = 0; i <= 120; i += 5) {
            watchdog.observe(true, 5_000, i, T0 + i * SECOND);
        }
        assertThat(watchdog.stalled(T0 + 120 * SECOND)).isEmpty();
    }

    @Test
    void aQuietNightWithNoInputAndNoCommitsIsNotAStall() {
        for (int i = 0; i <= 3600; i += 5) {
            watchdog.observe(true, 0, 42, T0 + i * SECOND);
        }
        assertThat(watchdog.stalled(T0 + 3600 * SECOND)).isEmpty();
    }

    @Test
    void inputWaitingWithNoCommitForTheTimeoutIsAStall() {
        for (int i = 0; i <= 55; i += 5) {
            watchdog.observe(true, 800, 7, T0 + i * SECOND);
        }
        assertThat(watchdog.stalled(T0 + 55 * SECOND)).isEmpty();

        watchdog.observe(true, 800, 7, T0 + 60 * SECOND);

        assertThat(watchdog.stalled(T0 + 60 * SECOND))
                .hasValueSatisfying(why -> assertThat(why).contains("no commit"));
        watchdog.observe(true, 800, 8, T0 + 65 * SECOND);
        assertThat(watchdog.stalled(T0 + 65 * SECOND)).as("commits again").isEmpty();
    }

    @Test
    void aLongRebalanceOrRestoreWithInputWaitingIsNotAStall() {
        for (int i = 0; i <= 300; i += 5) {
            watchdog.observe(false, 10_000, 3, T0 + i * SECOND);
        }
        assertThat(watchdog.stalled(T0 + 300 * SECOND)).isEmpty();
    }

    @Test
    void threeThreadFailuresWithinFiveMinutesAreAStallUntilTheyAge() {
        watchdog.observe(true, 0, 0, T0 + 120 * SECOND);
        watchdog.threadFailed(T0);
        watchdog.threadFailed(T0 + 60 * SECOND);
        assertThat(watchdog.stalled(T0 + 61 * SECOND)).isEmpty();

        watchdog.threadFailed(T0 + 120 * SECOND);

        assertThat(watchdog.stalled(T0 + 121 * SECOND))
                .hasValueSatisfying(why -> assertThat(why).contains("failures"));
        watchdog.observe(true, 0, 1, T0 + 301 * SECOND);
        assertThat(watchdog.stalled(T0 + 301 * SECOND))
                .as("the first failure aged out")
                .isEmpty();
    }
}
