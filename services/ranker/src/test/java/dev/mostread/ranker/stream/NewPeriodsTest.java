package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.ranker.ranking.LooksPolicy;
import dev.mostread.ranker.ranking.StateCaps;
import dev.mostread.shared.ranking.Ranking;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code yesterday} and {@code 30d} through the real topology, on the wall clock of a Seoul newsroom. */
class NewPeriodsTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** 2026-11-26 23:50 in Seoul. */
    private static final Instant EVENING = Instant.parse("2026-11-26T14:50:00Z");

    private static final Instant MIDNIGHT = Instant.parse("2026-11-26T15:00:00Z");

    private final RankerDriver ranker =
            new RankerDriver(EVENING, Map.of("news21", SEOUL), new LooksPolicy(3, Map.of()), StateCaps.DEFAULTS);

    @AfterEach
    void close() {
        ranker.close();
    }

    @Test
    void yesterdayIsTheWholeLocalDayCompleteAtMidnightAndMovesOnlyByLateViews() {
        for (int i = 0; i < 3; i++) {
            ranker.view("news21", "a", null, EVENING);
        }
        ranker.view("news21", "b", null, EVENING);
        assertThat(ranker.tick()).doesNotContainKey("news21/yesterday/_all");

        // midnight in Seoul, with no new event: today empties into yesterday
        Map<String, Ranking> atMidnight = ranker.advance(Duration.between(EVENING, MIDNIGHT));
        Ranking yesterday = atMidnight.get("news21/yesterday/_all");
        assertThat(RankerDriver.ids(yesterday)).containsExactly("a", "b");
        assertThat(RankerDriver.views(yesterday)).containsExactly(3L, 1L);
        assertThat(yesterday.windowStart()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(yesterday.windowEnd()).isEqualTo(MIDNIGHT);
        assertThat(atMidnight.get("news21/today/_all"))
                .as("today's list emptied: a tombstone")
                .isNull();

        // the new day's views do not touch it
        Instant morning = MIDNIGHT.plus(Duration.ofHours(8));
        ranker.advance(Duration.ofHours(8));
        ranker.view("news21", "b", null, morning);
        ranker.view("news21", "b", null, morning);
        Map<String, Ranking> later = ranker.tick();
        assertThat(later).doesNotContainKey("news21/yesterday/_all");
        assertThat(RankerDriver.ids(later.get("news21/today/_all"))).containsExactly("b");

        // a view stamped 23:59 yesterday that arrives now still counts for yesterday
        ranker.view("news21", "b", null, MIDNIGHT.minusSeconds(60));
        ranker.view("news21", "b", null, MIDNIGHT.minusSeconds(60));
        ranker.view("news21", "b", null, MIDNIGHT.minusSeconds(60));
        Ranking moved = ranker.tick().get("news21/yesterday/_all");
        assertThat(RankerDriver.ids(moved)).containsExactly("b", "a");
        assertThat(RankerDriver.views(moved)).containsExactly(4L, 3L);
    }

    @Test
    void yesterdayEmptiesWhenTheDayAfterItEndsToo() {
        ranker.view("news21", "a", null, EVENING);
        ranker.tick();
        assertThat(ranker.advance(Duration.between(EVENING, MIDNIGHT))).containsKey("news21/yesterday/_all");

        Map<String, Ranking> dayAfter = ranker.advance(Duration.ofDays(1));

        assertThat(dayAfter).containsKey("news21/yesterday/_all");
        assertThat(dayAfter.get("news21/yesterday/_all")).as("a tombstone").isNull();
    }

    @Test
    void thirtyDaysHoldAViewUntilItsSixHourBucketIsAHundredAndTwentyBucketsOld() {
        ranker.view("news21", "a", null, EVENING);
        Ranking month = ranker.tick().get("news21/30d/_all");
        assertThat(RankerDriver.ids(month)).containsExactly("a");
        // 6-hour buckets in UTC: the one holding 14:50 started at 12:00
        assertThat(month.windowStart())
                .isEqualTo(Instant.parse("2026-11-26T12:00:00Z").minus(Duration.ofHours(6 * 119)));

        Map<String, Ranking> week = ranker.advance(Duration.ofDays(8));
        assertThat(week.get("news21/7d/_all")).as("gone from the week").isNull();
        assertThat(week).doesNotContainKey("news21/30d/_all");

        Instant bucketGone = Instant.parse("2026-11-26T12:00:00Z").plus(Duration.ofHours(6 * 120));
        Instant now = EVENING.plus(RankerDriver.TICK)
                .plus(RankerTopology.PUBLISH_INTERVAL)
                .plus(Duration.ofDays(8))
                .plus(RankerTopology.PUBLISH_INTERVAL)
                .plus(RankerDriver.TICK);
        Map<String, Ranking> gone =
                ranker.advance(Duration.between(now, bucketGone).plusSeconds(1));
        assertThat(gone).containsKey("news21/30d/_all");
        assertThat(gone.get("news21/30d/_all")).isNull();
    }
}
