package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.ranking.Ranking;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A partition working through a backlog proposes its lists every catch-up tick (3 s here) instead of every tick
 * (1 s); one that keeps up proposes every tick. What "behind" means: the newest view counted since the last
 * proposal reached mostread more than 5 s ago.
 */
class CatchUpTest {

    private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");
    private static final String HOUR = "news21/1h/_all";

    private final RankerDriver ranker =
            new RankerDriver(START, new RankerTopology.CatchUp(Duration.ofSeconds(5), Duration.ofSeconds(3)));
    private Instant now = START;

    @AfterEach
    void close() {
        ranker.close();
    }

    private Map<String, Ranking> tick() {
        now = now.plus(RankerDriver.TICK).plus(RankerTopology.PUBLISH_INTERVAL);
        return ranker.tick();
    }

    @Test
    void aBacklogOfViewsThatReachedMostreadMinutesAgoIsProposedEveryCatchUpTick() {
        Instant tenMinutesAgo = START.minus(Duration.ofMinutes(10));
        ranker.view("news21", "a", null, tenMinutesAgo);
        assertThat(RankerDriver.ids(tick().get(HOUR))).as("the first proposal").containsExactly("a");

        ranker.view("news21", "b", null, tenMinutesAgo);
        ranker.view("news21", "b", null, tenMinutesAgo);
        assertThat(tick()).as("1 s after the last proposal").doesNotContainKey(HOUR);
        assertThat(tick()).as("2 s after").doesNotContainKey(HOUR);
        Map<String, Ranking> caughtUp = tick();

        assertThat(RankerDriver.ids(caughtUp.get(HOUR))).as("3 s after").containsExactly("b", "a");
        assertThat(RankerDriver.views(caughtUp.get(HOUR))).containsExactly(2L, 1L);
    }

    @Test
    void viewsThatJustArrivedAreProposedOnEveryTick() {
        ranker.view("news21", "a", null, now);
        assertThat(RankerDriver.ids(tick().get(HOUR))).containsExactly("a");

        ranker.view("news21", "b", null, now);
        ranker.view("news21", "b", null, now);
        Map<String, Ranking> next = tick();

        assertThat(RankerDriver.ids(next.get(HOUR))).containsExactly("b", "a");
    }

    @Test
    void aPartitionThatCaughtUpGoesBackToEveryTick() {
        Instant tenMinutesAgo = START.minus(Duration.ofMinutes(10));
        ranker.view("news21", "a", null, tenMinutesAgo);
        tick();
        ranker.view("news21", "old", null, tenMinutesAgo);
        assertThat(tick()).doesNotContainKey(HOUR);

        // the backlog is done: the newest view counted since the last proposal is a fresh one
        ranker.view("news21", "fresh", null, now);
        ranker.view("news21", "fresh", null, now);
        Map<String, Ranking> next = tick();

        assertThat(RankerDriver.ids(next.get(HOUR))).containsExactly("fresh", "a", "old");
    }
}
