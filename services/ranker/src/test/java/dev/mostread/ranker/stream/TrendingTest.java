package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.ranker.ranking.LooksPolicy;
import dev.mostread.ranker.ranking.StateCaps;
import dev.mostread.ranker.ranking.TrendingRule;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import dev.mostread.shared.ranking.Sort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sort=trending} through the real topology, on a scripted day of traffic: a day of steady readership
 * (a leader with ten times the views of a quiet story, a dozen others, two stories warming up), then the quiet
 * story's readership jumps fivefold for ten minutes, a brand-new story gets three views, and then every reader
 * goes away. Every list published is compared with the test's own scores, worked out from the definition over
 * the views the test sent (not from buckets).
 */
class TrendingTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:30Z");
    private static final String LIST = "news21/trending/_all";
    private static final TrendingRule RULE = TrendingRule.DEFAULTS;
    private static final long QUARTER = Duration.ofMinutes(15).toMillis();

    private final RankerDriver ranker = new RankerDriver(
            START,
            Map.of(),
            new LooksPolicy(3, Map.of()),
            StateCaps.DEFAULTS,
            List.of(),
            List.of(Sort.VIEWS, Sort.TRENDING));
    /** Every view the test sent, per article: the reference the published lists are checked against. */
    private final Map<String, List<Long>> sent = new LinkedHashMap<>();

    private Instant now = START;

    @AfterEach
    void close() {
        ranker.close();
    }

    private void view(String articleId, long at) {
        ranker.view("news21", articleId, null, Instant.ofEpochMilli(at));
        sent.computeIfAbsent(articleId, id -> new ArrayList<>()).add(at);
    }

    /** {@code count} views of {@code articleId}, spread evenly over [{@code from}, {@code from + length}). */
    private void spread(String articleId, int count, long from, long length) {
        for (int i = 0; i < count; i++) {
            view(articleId, from + i * length / count);
        }
    }

    /** Views per minute of each story as usual; in the last hour before the start two stories warm up. */
    private static final Map<String, Integer> USUAL = new LinkedHashMap<>();

    private static final Map<String, Integer> WARMING_UP = Map.of("warming", 3, "warm", 5);

    static {
        USUAL.put("leader", 10);
        USUAL.put("quiet", 1); // the leader has ten times its views
        for (int i = 0; i < 4; i++) {
            USUAL.put("steady-" + i, 1 + i / 2);
        }
        USUAL.put("warming", 2); // 1.5× over the last hour
        USUAL.put("warm", 4); // 1.25× over the last hour
    }

    /**
     * The previous three hours: each story read at its usual rate (three hours rather than 24 keep the test
     * quick; the expectation is a rate over whatever history an article has, with the same prior).
     */
    private void aDayOfSteadyReadership() {
        long dayAgo = START.toEpochMilli() - Duration.ofHours(3).toMillis();
        long hourAgo = START.toEpochMilli() - Duration.ofHours(1).toMillis();
        for (long quarter = dayAgo; quarter < START.toEpochMilli(); quarter += QUARTER) {
            for (Map.Entry<String, Integer> story : USUAL.entrySet()) {
                int perMinute = quarter >= hourAgo
                        ? WARMING_UP.getOrDefault(story.getKey(), story.getValue())
                        : story.getValue();
                spread(story.getKey(), perMinute * 15, quarter, QUARTER);
            }
        }
    }

    /**
     * Moves the wall clock one minute during which the stories were read as they were, {@code quiet}
     * {@code quietFactor}× as often; the views arrive at the minute's end (a view stamped ahead of the ranker's
     * clock would count as happening then), and the lists are published.
     */
    private Map<String, Ranking> aMinute(int quietFactor) {
        long from = now.toEpochMilli();
        Map<String, Ranking> published = advanceAMinute();
        for (Map.Entry<String, Integer> story : USUAL.entrySet()) {
            int perMinute = WARMING_UP.getOrDefault(story.getKey(), story.getValue());
            spread(story.getKey(), story.getKey().equals("quiet") ? perMinute * quietFactor : perMinute, from, 60_000);
        }
        published.putAll(advance(RankerDriver.TICK));
        return published;
    }

    private Map<String, Ranking> advanceAMinute() {
        return advance(Duration.ofMinutes(1));
    }

    private Map<String, Ranking> advance(Duration duration) {
        now = now.plus(duration);
        Map<String, Ranking> published = new LinkedHashMap<>(ranker.advance(duration));
        now = now.plus(RankerTopology.PUBLISH_INTERVAL);
        return published;
    }

    /** The reference: every article's score at {@code at}, from the views the test sent, best first. */
    private List<Reference> expected(long at) {
        long recentStart =
                Period.LAST_HOUR.bucketStart(at) - Duration.ofMinutes(14).toMillis();
        long dayStart = Period.LAST_DAY.windowStart(at);
        List<Reference> all = new ArrayList<>();
        sent.forEach((articleId, times) -> {
            long recent =
                    times.stream().filter(t -> t >= recentStart && t <= at).count();
            if (recent == 0) {
                return;
            }
            long baseline =
                    times.stream().filter(t -> t >= dayStart && t < recentStart).count();
            long firstSeen = times.stream().mapToLong(Long::longValue).min().orElseThrow();
            double quarters = Math.max(0, recentStart - Math.max(dayStart, firstSeen)) / (double) QUARTER;
            double expectation =
                    (baseline + RULE.newArticleViews() * RULE.priorQuarters()) / (quarters + RULE.priorQuarters());
            double score = (recent + RULE.smoothing()) / (expectation + RULE.smoothing());
            all.add(new Reference(articleId, Math.round(score * 1000) / 1000.0, recent));
        });
        all.sort(Comparator.comparingDouble(Reference::score).reversed().thenComparing(Reference::articleId));
        return all;
    }

    private record Reference(String articleId, double score, long viewsLast15m) {}

    private static List<Reference> shown(Ranking ranking) {
        return ranking.items().stream()
                .map(item -> new Reference(item.articleId(), item.score(), item.viewsLast15m()))
                .toList();
    }

    /** The list as last published, checked against the reference at the time the ranker worked it out. */
    private Ranking checked(Map<String, Ranking> published, Ranking previous) {
        Ranking list = published.getOrDefault(LIST, previous);
        long at = list.asOf().toEpochMilli();
        assertThat(shown(list)).as("trending at %s", list.asOf()).isEqualTo(expected(at));
        return list;
    }

    @Test
    void aStoryWhoseReadershipJumpsFivefoldRisesToTheTopAndTheSteadyLeaderDoesNot() {
        aDayOfSteadyReadership();
        Ranking list = checked(ranker.tick(), null);
        assertThat(list.periodCode()).isEqualTo("trending");
        assertThat(RankerDriver.ids(list))
                .as("before the jump")
                .startsWith("warming", "warm")
                .doesNotContain("new");

        List<Integer> quietRanks = new ArrayList<>();
        for (int minute = 1; minute <= 10; minute++) {
            if (minute == 5) {
                spread("new", 3, now.toEpochMilli() - 30_000, 30_000); // a brand-new story with three views
            }
            list = checked(aMinute(5), list);
            quietRanks.add(RankerDriver.ids(list).indexOf("quiet") + 1);
            assertThat(list.items().get(0).articleId()).as("minute %d", minute).isNotEqualTo("new");
        }
        // Readership 5×: in the top 3 from the second minute of the jump on, and at the top after ten minutes.
        assertThat(quietRanks.subList(1, quietRanks.size()))
                .as("ranks minute by minute %s", quietRanks)
                .allSatisfy(rank -> assertThat(rank).isBetween(1, 3));
        assertThat(quietRanks.get(quietRanks.size() - 1))
                .as("ranks minute by minute %s", quietRanks)
                .isEqualTo(1);
        assertThat(RankerDriver.ids(list).indexOf("quiet"))
                .isLessThan(RankerDriver.ids(list).indexOf("leader"));
        RankedItem quiet = list.items().get(RankerDriver.ids(list).indexOf("quiet"));
        RankedItem leader = list.items().get(RankerDriver.ids(list).indexOf("leader"));
        assertThat(leader.viewsLast15m()).isGreaterThan(2 * quiet.viewsLast15m());
        assertThat(leader.views()).isGreaterThan(quiet.views());
        assertThat(quiet.expectedLast15m())
                .as("15 a quarter hour, shrunk towards a new story's 5")
                .isBetween(11.0, 15.0);
        // steady for three hours: above 1 only because three hours of history still lean on the new-story prior
        assertThat(leader.score()).isBetween(0.9, 1.3).isLessThan(quiet.score() / 2);
    }

    @Test
    void scoresMoveWithTheWallClockWithoutNewEventsAndTheListEmptiesWhenReadersLeave() {
        aDayOfSteadyReadership();
        Ranking list = checked(ranker.tick(), null);
        for (int minute = 1; minute <= 5; minute++) {
            list = checked(aMinute(5), list);
        }
        double quietBefore =
                list.items().get(RankerDriver.ids(list).indexOf("quiet")).score();

        // Nobody reads anything any more: each minute views leave the quarter hour and the list is published again.
        List<Double> quietScores = new ArrayList<>();
        for (int minute = 1; minute <= 14; minute++) {
            Map<String, Ranking> published = advanceAMinute();
            assertThat(published).as("minute %d without events", minute).containsKey(LIST);
            list = checked(published, list);
            int at = RankerDriver.ids(list).indexOf("quiet");
            if (at >= 0) {
                quietScores.add(list.items().get(at).score());
            }
        }
        assertThat(quietScores)
                .isNotEmpty()
                .allSatisfy(score -> assertThat(score).isLessThan(quietBefore));
        assertThat(quietScores).isSortedAccordingTo(Comparator.reverseOrder());

        Map<String, Ranking> quiet = advance(Duration.ofMinutes(2));
        assertThat(quiet).containsKey(LIST);
        assertThat(quiet.get(LIST))
                .as("no view in the last quarter hour: nothing is rising")
                .isNull();
    }

    @Test
    void aStoryWithThreeViewsNeverTopsTheList() {
        aDayOfSteadyReadership();
        long at = now.toEpochMilli();
        spread("new", 3, at - 30_000, 30_000);
        Ranking list = checked(ranker.tick(), null);
        assertThat(list.items().get(0).articleId()).isNotEqualTo("new");
        RankedItem fresh = list.items().get(RankerDriver.ids(list).indexOf("new"));
        assertThat(fresh.score()).isLessThan(1.0);
        assertThat(fresh.expectedLast15m()).isEqualTo(RULE.newArticleViews());
    }
}
