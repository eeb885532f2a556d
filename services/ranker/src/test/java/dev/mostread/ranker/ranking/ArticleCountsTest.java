package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.ranking.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArticleCountsTest {

    /** 12:00:30 — half a minute into a minute, so bucket edges are visible. */
    private static final long NOW = Instant.parse("2026-11-26T12:00:30Z").toEpochMilli();

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private static long day(long now) {
        return Period.startOfDay(now, ZoneOffset.UTC);
    }

    @Test
    void aViewInTheOldestMinuteOfTheHourCountsInTheHour() {
        ArticleCounts counts = new ArticleCounts();
        long oldestMinuteInside = Instant.parse("2026-11-26T11:01:00Z").toEpochMilli();

        counts.record(oldestMinuteInside, NOW, day(NOW), null);

        assertThat(counts.views(Period.LAST_HOUR)).isEqualTo(1);
        assertThat(counts.views(Period.LAST_DAY)).isEqualTo(1);
        assertThat(counts.views(Period.LAST_WEEK)).isEqualTo(1);
    }

    @Test
    void aViewInTheMinuteBeforeTheHourCountsOnlyInLongerPeriods() {
        ArticleCounts counts = new ArticleCounts();
        long justOutside = Instant.parse("2026-11-26T11:00:59.999Z").toEpochMilli();

        counts.record(justOutside, NOW, day(NOW), null);

        assertThat(counts.views(Period.LAST_HOUR)).isZero();
        assertThat(counts.views(Period.LAST_DAY)).isEqualTo(1);
        assertThat(counts.views(Period.LAST_WEEK)).isEqualTo(1);
    }

    @Test
    void aViewLeavesTheHourExactlyWhenItsMinuteBucketExpires() {
        ArticleCounts counts = new ArticleCounts();
        long viewedAt = Instant.parse("2026-11-26T12:00:10Z").toEpochMilli();
        counts.record(viewedAt, NOW, day(NOW), null);

        long lastMomentInside = Instant.parse("2026-11-26T12:59:59.999Z").toEpochMilli();
        assertThat(counts.expire(lastMomentInside, day(lastMomentInside))).isFalse();
        assertThat(counts.views(Period.LAST_HOUR)).isEqualTo(1);

        long firstMomentOutside = lastMomentInside + 1;
        assertThat(counts.expire(firstMomentOutside, day(firstMomentOutside))).isTrue();
        assertThat(counts.views(Period.LAST_HOUR)).isZero();
        assertThat(counts.views(Period.LAST_DAY)).isEqualTo(1);
    }

    @Test
    void aViewLeavesTheWeekAfterItsHourBucketIsOneHundredSixtyEightHoursOld() {
        ArticleCounts counts = new ArticleCounts();
        counts.record(NOW, NOW, day(NOW), null);

        counts.expire(NOW + 167 * HOUR, day(NOW + 167 * HOUR));
        assertThat(counts.views(Period.LAST_WEEK)).isEqualTo(1);
        assertThat(counts.isEmpty()).isFalse();

        long weekLater = Period.LAST_WEEK.bucketStart(NOW) + 168 * HOUR;
        counts.expire(weekLater, day(weekLater));
        assertThat(counts.views(Period.LAST_WEEK)).isZero();
        assertThat(counts.views(Period.LAST_MONTH)).isEqualTo(1);
    }

    @Test
    void aViewLeavesThirtyDaysAfterItsSixHourBucketIsHundredAndTwentyBucketsOld() {
        ArticleCounts counts = new ArticleCounts();
        counts.record(NOW, NOW, day(NOW), null);
        long sixHours = 6 * HOUR;
        long lastMoment = Period.LAST_MONTH.bucketStart(NOW) + 120 * sixHours - 1;

        counts.expire(lastMoment, day(lastMoment));
        assertThat(counts.views(Period.LAST_MONTH)).isEqualTo(1);
        assertThat(counts.isEmpty()).isFalse();

        counts.expire(lastMoment + 1, day(lastMoment + 1));
        assertThat(counts.views(Period.LAST_MONTH)).isZero();
        assertThat(counts.isEmpty()).isTrue();
    }

    @Test
    void aTwentyFiveHourDayStillBecomesYesterdayAndTwoDaysLaterYesterdayIsEmpty() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        // 2026-10-25 in Berlin has 25 hours (summer time ends)
        long longDay = Instant.parse("2026-10-24T22:00:00Z").toEpochMilli();
        long dayAfter = Period.startOfDay(Instant.parse("2026-10-26T12:00:00Z").toEpochMilli(), berlin);
        assertThat(dayAfter - longDay).isEqualTo(25 * HOUR);
        ArticleCounts counts = new ArticleCounts();
        counts.record(longDay + 24 * HOUR, longDay + 24 * HOUR, longDay, longDay - 24 * HOUR, "reader");

        counts.expire(dayAfter, dayAfter);
        assertThat(counts.views(Period.YESTERDAY)).isEqualTo(1);
        assertThat(counts.visitors(Period.YESTERDAY)).isEqualTo(1);
        assertThat(counts.views(Period.TODAY)).isZero();

        long twoDaysLater =
                Period.startOfDay(Instant.parse("2026-10-27T12:00:00Z").toEpochMilli(), berlin);
        counts.expire(twoDaysLater, twoDaysLater);
        assertThat(counts.views(Period.YESTERDAY)).isZero();
    }

    @Test
    void aLateViewOfYesterdayCountsForYesterdayEvenWhenYesterdayHadNoViewBeforeMidnight() {
        ArticleCounts counts = new ArticleCounts();
        long today = day(NOW);

        counts.record(today - MINUTE, NOW, today, today - 24 * HOUR, null);
        counts.record(today - 25 * HOUR, NOW, today, today - 24 * HOUR, null);

        assertThat(counts.views(Period.YESTERDAY))
                .as("only the one inside yesterday")
                .isEqualTo(1);
        assertThat(counts.views(Period.TODAY)).isZero();
    }

    @Test
    void aViewStampedAheadOfNowCountsAsHappeningNow() {
        ArticleCounts counts = new ArticleCounts();

        counts.record(NOW + 2 * MINUTE, NOW, day(NOW), null);

        assertThat(counts.buckets(Period.LAST_HOUR).startAt(0)).isEqualTo(Period.LAST_HOUR.bucketStart(NOW));
        assertThat(counts.views(Period.LAST_HOUR)).isEqualTo(1);
    }

    @Test
    void outOfOrderViewsLandInTheirOwnBuckets() {
        ArticleCounts counts = new ArticleCounts();

        counts.record(NOW, NOW, day(NOW), null);
        counts.record(NOW - 10 * MINUTE, NOW, day(NOW), null);
        counts.record(NOW - 5 * MINUTE, NOW, day(NOW), null);
        counts.record(NOW - 10 * MINUTE, NOW, day(NOW), null);

        BucketCounts hour = counts.buckets(Period.LAST_HOUR);
        assertThat(hour.size()).isEqualTo(3);
        assertThat(hour.startAt(0)).isLessThan(hour.startAt(1));
        assertThat(hour.startAt(1)).isLessThan(hour.startAt(2));
        assertThat(hour.countAt(0)).isEqualTo(2);
        assertThat(counts.views(Period.LAST_HOUR)).isEqualTo(4);
    }

    @Test
    void aWholeHourOfViewsCostsSixtyBucketsNotOneEntryPerView() {
        ArticleCounts counts = new ArticleCounts();
        for (int second = 0; second < 3600; second++) {
            counts.record(NOW - second * 1000L, NOW, day(NOW), null);
        }

        assertThat(counts.views(Period.LAST_HOUR)).isLessThan(3600).isGreaterThan(3500);
        assertThat(counts.buckets(Period.LAST_HOUR).size()).isEqualTo(60);
        assertThat(counts.buckets(Period.LAST_DAY).size()).isLessThanOrEqualTo(5);
        assertThat(counts.buckets(Period.LAST_WEEK).size()).isLessThanOrEqualTo(2);
    }
}
