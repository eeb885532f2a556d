package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The trending score on hand-made counts: what it rewards, what it damps, and that it moves once a minute. */
class TrendingRuleTest {

    private static final long NOW = Instant.parse("2026-11-26T12:00:30Z").toEpochMilli();
    private static final long MINUTE = 60_000L;
    private static final long DAY = Duration.ofHours(24).toMillis();
    private static final TrendingRule RULE = TrendingRule.DEFAULTS;

    /** An article read {@code usual} times per quarter hour for a day, then {@code recent} times in the last one. */
    private static ArticleCounts readAllDay(int usual, int recent) {
        ArticleCounts counts = new ArticleCounts();
        for (long at = NOW - DAY; at < NOW - 15 * MINUTE; at += 15 * MINUTE) {
            for (int i = 0; i < usual; i++) {
                counts.record(at + i * (15 * MINUTE) / usual, NOW, 0, null);
            }
        }
        for (int i = 0; i < recent; i++) {
            counts.record(NOW - i * (14 * MINUTE) / recent, NOW, 0, null);
        }
        return counts;
    }

    @Test
    void aSteadyStoryScoresAboutOneWhateverItsSize() {
        assertThat(RULE.score(readAllDay(20, 20), 1, NOW).score()).isBetween(0.95, 1.05);
        assertThat(RULE.score(readAllDay(2000, 2000), 1, NOW).score()).isBetween(0.95, 1.05);
    }

    @Test
    void aStoryReadFiveTimesAsOftenAsUsualScoresFarAboveASteadyLeader() {
        TrendScore rising = RULE.score(readAllDay(20, 100), 1, NOW);
        TrendScore leader = RULE.score(readAllDay(200, 200), 1, NOW);
        assertThat(rising.score()).isBetween(3.5, 3.8);
        assertThat(rising.viewsLast15m()).isEqualTo(100);
        assertThat(rising.expectedLast15m()).isBetween(19.0, 20.5);
        assertThat(rising.scoreMillis()).isGreaterThan(3 * leader.scoreMillis());
    }

    @Test
    void aNewStoryIsComparedWithTheSitesTypicalNewStory() {
        ArticleCounts counts = new ArticleCounts();
        for (int i = 0; i < 3; i++) {
            counts.record(NOW - i * 1000, NOW, 0, null);
        }
        TrendScore three = RULE.score(counts, NOW - 2000, NOW);
        assertThat(three.expectedLast15m()).isEqualTo(RULE.newArticleViews());
        assertThat(three.score()).as("(3 + 10) / (5 + 10)").isEqualTo(0.867);

        TrendingRule busierSite = new TrendingRule(50, 4, 10);
        assertThat(busierSite.score(counts, NOW - 2000, NOW).score()).isLessThan(three.score());
    }

    @Test
    void aHandfulOfViewsStaysNearOneEvenWithNoHistoryAtAll() {
        ArticleCounts counts = readAllDay(0, 3);
        TrendScore three = RULE.score(counts, NOW - DAY, NOW);
        assertThat(three.score()).isLessThan(1.3);
        assertThat(RULE.score(readAllDay(20, 100), 1, NOW).scoreMillis()).isGreaterThan(2 * three.scoreMillis());
    }

    @Test
    void noViewInTheLastQuarterHourIsNoTrend() {
        ArticleCounts counts = readAllDay(20, 0);
        assertThat(RULE.score(counts, 1, NOW)).isEqualTo(TrendScore.NONE);
        assertThat(TrendScore.NONE.ranked()).isZero();
    }

    @Test
    void theScoreIsTheSameAllMinuteAndMovesWithTheNextWithoutNewViews() {
        ArticleCounts counts = readAllDay(20, 100);
        long minuteStart = NOW - NOW % MINUTE;
        TrendScore early = RULE.score(counts, 1, minuteStart);
        assertThat(RULE.score(counts, 1, minuteStart + MINUTE - 1)).isEqualTo(early);
        counts.expire(minuteStart + 5 * MINUTE, 0);
        TrendScore later = RULE.score(counts, 1, minuteStart + 5 * MINUTE);
        assertThat(later.viewsLast15m()).isLessThan(early.viewsLast15m());
        assertThat(later.scoreMillis()).isLessThan(early.scoreMillis());
    }

    @Test
    void withinAMinuteAViewOnlyRaisesTheScore() {
        ArticleCounts counts = readAllDay(20, 30);
        TrendScore before = RULE.score(counts, 1, NOW);
        counts.record(NOW, NOW, 0, null);
        assertThat(RULE.score(counts, 1, NOW).scoreMillis()).isGreaterThan(before.scoreMillis());
    }

    @Test
    void refusesSettingsThatWouldDivideByZero() {
        assertThatThrownBy(() -> new TrendingRule(5, 4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrendingRule(5, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrendingRule(Double.NaN, 4, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
