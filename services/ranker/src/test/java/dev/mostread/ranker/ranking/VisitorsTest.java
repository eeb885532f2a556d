package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mostread.shared.ranking.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VisitorsTest {

    /** Every period that holds a view made now (yesterday does not). */
    private static final java.util.List<Period> HOLDING_NOW = java.util.Arrays.stream(Period.values())
            .filter(period -> period != Period.YESTERDAY)
            .toList();

    private static final long NOW = Instant.parse("2026-11-26T12:00:30Z").toEpochMilli();
    private static final long DAY = Period.startOfDay(NOW, ZoneOffset.UTC);
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    @Test
    void countsEveryVisitorExactlyBelowAHundredAcrossBuckets() {
        ArticleCounts counts = new ArticleCounts();
        for (int visitor = 1; visitor <= 100; visitor++) {
            // each visitor twice, in two different minutes, so the period's answer is a union of buckets
            counts.record(NOW - (visitor % 50) * MINUTE, NOW, DAY, "visitor-" + visitor);
            counts.record(NOW - ((visitor + 7) % 50) * MINUTE, NOW, DAY, "visitor-" + visitor);
            if (visitor < 100) {
                for (Period period : HOLDING_NOW) {
                    assertThat(counts.visitors(period))
                            .as("%s after %d visitors", period, visitor)
                            .isEqualTo(visitor);
                }
            }
        }
        assertThat(counts.visitors(Period.LAST_HOUR)).isEqualTo(100);
        assertThat(counts.views(Period.LAST_HOUR)).isEqualTo(200);
    }

    @Test
    void countsTenThousandVisitorsWithinThreePercent() {
        ArticleCounts counts = new ArticleCounts();
        for (int visitor = 0; visitor < 10_000; visitor++) {
            counts.record(NOW - (visitor % 60) * MINUTE, NOW, DAY, "reader-" + visitor);
        }

        for (Period period : HOLDING_NOW) {
            assertThat((double) counts.visitors(period)).as(period.code()).isCloseTo(10_000, within(300.0));
        }
    }

    @Test
    void visitorsLeaveThePeriodWithTheirBuckets() {
        ArticleCounts counts = new ArticleCounts();
        counts.record(NOW - 30 * MINUTE, NOW, DAY, "early");
        counts.record(NOW, NOW, DAY, "late");
        assertThat(counts.visitors(Period.LAST_HOUR)).isEqualTo(2);

        long later = NOW + 31 * MINUTE;
        counts.expire(later, DAY);

        assertThat(counts.visitors(Period.LAST_HOUR)).isEqualTo(1);
        assertThat(counts.visitors(Period.LAST_DAY)).isEqualTo(2);
    }

    @Test
    void viewsWithoutAVisitorIdAddNoVisitors() {
        ArticleCounts counts = new ArticleCounts();
        counts.record(NOW, NOW, DAY, null);
        counts.record(NOW, NOW, DAY, "v1");

        assertThat(counts.views(Period.LAST_HOUR)).isEqualTo(2);
        assertThat(counts.visitors(Period.LAST_HOUR)).isEqualTo(1);
    }

    @Test
    void aSketchWrittenStraightIntoARecordIsTheSameBytesAsItsOwnArraySparseOrDense() throws Exception {
        VisitorSketch sketch = new VisitorSketch();
        for (int visitor = 1; visitor <= 5_000; visitor++) {
            sketch.add(VisitorSketch.hash("visitor-" + visitor));
            if (visitor == 1 || visitor == 20 || visitor == 5_000) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                sketch.writeTo(new java.io.DataOutputStream(bytes));

                assertThat(bytes.toByteArray()).as("%d visitors", visitor).isEqualTo(sketch.toBytes());
                assertThat(sketch.byteSize()).as("%d visitors", visitor).isEqualTo(sketch.toBytes().length);
            }
        }
        assertThat(sketch.weight()).as("dense by the end").isGreaterThan(20);
    }
}
