package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.testing.PageViews;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardsTest {

    private static final long NOW = Instant.parse("2026-11-26T12:00:30Z").toEpochMilli();
    private static final long DAY = Period.startOfDay(NOW, java.time.ZoneOffset.UTC);
    private static final String SITE = "news21";
    private static final ListKey HOUR_ALL = ListKey.allSections(SITE, Period.LAST_HOUR);
    private static final ListKey HOUR_SPORT = new ListKey(SITE, Period.LAST_HOUR, "sport");

    private final List<ArticleTally> filed = new java.util.ArrayList<>();
    private final Leaderboards leaderboards = new Leaderboards(50, () -> filed);

    private ArticleTally viewed(String articleId, String section, int views) {
        ArticleTally tally = new ArticleTally(ArticleKey.of(SITE, articleId));
        filed.add(tally);
        for (int i = 0; i < views; i++) {
            tally.count(view(articleId, section), NOW, NOW, DAY);
        }
        leaderboards.update(tally);
        return tally;
    }

    private static PageView view(String articleId, String section) {
        return PageViews.of(SITE, articleId)
                .at(NOW)
                .section(section)
                .title("Title " + articleId)
                .url("https://news21.example/" + articleId)
                .build();
    }

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::articleId).toList();
    }

    @Test
    void ordersByViewsDescendingThenArticleIdAscending() {
        viewed("b", null, 2);
        viewed("c", null, 3);
        viewed("a", null, 2);

        assertThat(ids(leaderboards.top(HOUR_ALL, 10))).containsExactly("c", "a", "b");
    }

    @Test
    void keepsOnlyTheTopNButStaysExactBeyondIt() {
        for (int i = 0; i < 60; i++) {
            viewed(String.format("a%02d", i), null, 60 - i);
        }

        List<Candidate> top = leaderboards.top(HOUR_ALL, 50);

        assertThat(top).hasSize(50);
        assertThat(top.get(0).articleId()).isEqualTo("a00");
        assertThat(top.get(49).articleId()).isEqualTo("a49");

        // the ten best leave (hidden by the editors): the ten beyond the top 50 come back in, in order
        for (ArticleTally tally : filed.subList(0, 10)) {
            tally.catalog(new dev.mostread.shared.article.Article(null, null, null, null, null, null, true));
            leaderboards.update(tally);
        }
        List<Candidate> after = leaderboards.top(HOUR_ALL, 50);
        assertThat(after).hasSize(50);
        assertThat(after.get(0).articleId()).isEqualTo("a10");
        assertThat(after.get(49).articleId()).isEqualTo("a59");
    }

    @Test
    void aListStaysExactWhenItsBestArticlesExpireAndTheRestAreFarBelow() {
        ArticleTally old = viewed("old", null, 100);
        for (int i = 0; i < 55; i++) {
            viewed(String.format("n%02d", i), null, 1 + i % 3);
        }
        old.expire(NOW + 3_600_000L, DAY);
        leaderboards.update(old);

        List<Candidate> top = leaderboards.top(HOUR_ALL, 50);
        assertThat(ids(top)).doesNotContain("old").hasSize(50);
        assertThat(top).isSortedAccordingTo(Candidate.RANK_ORDER);
        assertThat(top.get(0).views()).isEqualTo(3);
    }

    @Test
    void anArticleThatGainsViewsMovesUpAndIsFiledOnce() {
        viewed("a", null, 2);
        ArticleTally b = viewed("b", null, 1);

        b.count(view("b", null), NOW, NOW, DAY);
        b.count(view("b", null), NOW, NOW, DAY);
        leaderboards.update(b);

        assertThat(ids(leaderboards.top(HOUR_ALL, 10))).containsExactly("b", "a");
    }

    @Test
    void anArticleIsInTheAllSectionsListAndInItsSectionsList() {
        viewed("a", "sport", 1);
        viewed("b", "politics", 2);

        assertThat(ids(leaderboards.top(HOUR_ALL, 10))).containsExactly("b", "a");
        assertThat(ids(leaderboards.top(HOUR_SPORT, 10))).containsExactly("a");
    }

    @Test
    void anArticleThatChangesSectionLeavesItsOldSectionList() {
        ArticleTally a = viewed("a", "sport", 1);

        a.count(view("a", "politics"), NOW, NOW, DAY);
        leaderboards.update(a);

        assertThat(leaderboards.top(HOUR_SPORT, 10)).isEmpty();
        assertThat(ids(leaderboards.top(new ListKey(SITE, Period.LAST_HOUR, "politics"), 10)))
                .containsExactly("a");
    }

    @Test
    void anArticleWhoseViewsExpireLeavesTheListButStaysInLongerPeriods() {
        ArticleTally a = viewed("a", null, 1);

        a.expire(NOW + 3_600_000L, DAY);
        leaderboards.update(a);

        assertThat(leaderboards.top(HOUR_ALL, 10)).isEmpty();
        assertThat(ids(leaderboards.top(ListKey.allSections(SITE, Period.LAST_DAY), 10)))
                .containsExactly("a");
    }

    @Test
    void holdsEveryListItsArticlesStandInAndForgetsAListThatEmptied() {
        ArticleTally a = viewed("a", "sport", 1);
        ArticleTally b = viewed("b", null, 2);
        Map<ListKey, List<Candidate>> made = leaderboards.drainChanged(50);

        assertThat(leaderboards.size()).isEqualTo(made.size());
        assertThat(made).containsKeys(HOUR_ALL, HOUR_SPORT); // no visitor ids: no lists by visitors
        assertThat(leaderboards.listed()).containsExactlyInAnyOrder(a, b);
        assertThat(leaderboards.lastViewAt(HOUR_SPORT)).isEqualTo(NOW);
        assertThat(leaderboards.lastViewAt(new ListKey(SITE, Period.LAST_HOUR, "politics")))
                .isZero();

        a.expire(NOW + 3_600_000L, DAY);
        leaderboards.update(a);
        Map<ListKey, List<Candidate>> emptied = leaderboards.drainChanged(50);

        assertThat(emptied.get(HOUR_SPORT)).isEmpty();
        // the sport section's list of the hour is gone; the one over all sections keeps b
        assertThat(leaderboards.size()).isEqualTo(made.size() - 1);
        assertThat(leaderboards.lastViewAt(HOUR_SPORT)).isZero();
        assertThat(ids(leaderboards.top(HOUR_ALL, 10))).containsExactly("b");
    }

    @Test
    void reportsOnlyListsThatWereTouchedSinceTheLastDrain() {
        viewed("a", "sport", 1);
        Map<ListKey, List<Candidate>> first = leaderboards.drainChanged(50);
        assertThat(first).containsKeys(HOUR_ALL, HOUR_SPORT);

        ArticleTally unchanged = new ArticleTally(ArticleKey.of(SITE, "z"));
        leaderboards.update(unchanged);

        assertThat(leaderboards.drainChanged(50)).isEmpty();
    }

    @Test
    void aTitleChangeMarksTheListsChangedEvenWithTheSameViews() {
        ArticleTally a = viewed("a", null, 1);
        leaderboards.drainChanged(50);

        a.count(PageViews.of(SITE, "a").at(NOW).title("New title").build(), NOW, NOW, DAY);
        leaderboards.update(a);

        Map<ListKey, List<Candidate>> changed = leaderboards.drainChanged(50);
        assertThat(changed.get(HOUR_ALL))
                .extracting(candidate -> candidate.looks().title())
                .containsExactly("New title");
    }

    @Test
    void matchesAFullSortAfterAnyMixOfViewsHidesSectionMovesAndExpiry() {
        java.util.Random random = new java.util.Random(7);
        String[] sections = {"sport", "politics", null};
        Leaderboards small = new Leaderboards(5, () -> filed);
        for (int i = 0; i < 40; i++) {
            filed.add(new ArticleTally(ArticleKey.of(SITE, "x" + i)));
        }
        long now = NOW;
        for (int step = 0; step < 3_000; step++) {
            ArticleTally tally = filed.get(random.nextInt(filed.size()));
            int action = random.nextInt(20);
            if (action == 0) {
                tally.catalog(new dev.mostread.shared.article.Article(
                        null, null, null, null, null, null, random.nextBoolean()));
            } else if (action == 1) {
                now += 61_000L * (1 + random.nextInt(20));
                for (ArticleTally each : filed) {
                    each.expire(now, DAY);
                    small.update(each);
                }
            } else {
                tally.count(
                        PageViews.of(SITE, tally.articleId())
                                .at(now)
                                .section(sections[random.nextInt(3)])
                                .build(),
                        now,
                        now,
                        DAY);
            }
            small.update(tally);
            if (step % 25 == 0) {
                small.drainChanged(5);
            }
            for (ListKey list : List.of(HOUR_ALL, HOUR_SPORT, ListKey.allSections(SITE, Period.LAST_WEEK))) {
                List<String> expected = filed.stream()
                        .filter(t -> !t.hidden() && t.views(list.period()) > 0)
                        .filter(t -> list.section() == null || list.section().equals(t.section()))
                        .sorted(java.util.Comparator.comparingLong((ArticleTally t) -> t.views(list.period()))
                                .reversed()
                                .thenComparing(ArticleTally::articleId))
                        .limit(5)
                        .map(ArticleTally::articleId)
                        .toList();
                assertThat(ids(small.top(list, 5)))
                        .as("step %d, %s", step, list)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aListByVisitorsMatchesAFullSortByTheVisitorEstimateAfterAnyMixOfViewsHidesSectionMovesAndExpiry() {
        java.util.Random random = new java.util.Random(11);
        String[] sections = {"sport", "politics", null};
        Leaderboards small = new Leaderboards(5, () -> filed);
        for (int i = 0; i < 40; i++) {
            filed.add(new ArticleTally(ArticleKey.of(SITE, "v" + i)));
        }
        long now = NOW;
        ListKey hourByVisitors = new ListKey(SITE, Period.LAST_HOUR, null, dev.mostread.shared.ranking.Sort.VISITORS);
        ListKey sportByVisitors =
                new ListKey(SITE, Period.LAST_HOUR, "sport", dev.mostread.shared.ranking.Sort.VISITORS);
        ListKey weekByVisitors = new ListKey(SITE, Period.LAST_WEEK, null, dev.mostread.shared.ranking.Sort.VISITORS);
        for (int step = 0; step < 3_000; step++) {
            ArticleTally tally = filed.get(random.nextInt(filed.size()));
            int action = random.nextInt(20);
            if (action == 0) {
                tally.catalog(new dev.mostread.shared.article.Article(
                        null, null, null, null, null, null, random.nextBoolean()));
            } else if (action == 1) {
                now += 61_000L * (1 + random.nextInt(20));
                for (ArticleTally each : filed) {
                    each.expire(now, DAY);
                    small.update(each);
                }
            } else {
                // few readers, who come back: many views, fewer visitors, and orders that differ from views'
                String visitor = "reader-" + random.nextInt(15);
                tally.count(
                        PageViews.of(SITE, tally.articleId())
                                .at(now)
                                .visitor(visitor)
                                .section(sections[random.nextInt(3)])
                                .build(),
                        now,
                        now,
                        DAY);
            }
            small.update(tally);
            if (step % 25 == 0) {
                small.drainChanged(5);
            }
            for (ListKey list : List.of(hourByVisitors, sportByVisitors, weekByVisitors)) {
                List<String> expected = filed.stream()
                        .filter(t -> !t.hidden() && t.counts().visitors(list.period()) > 0)
                        .filter(t -> list.section() == null || list.section().equals(t.section()))
                        .sorted(java.util.Comparator.comparingLong(
                                        (ArticleTally t) -> t.counts().visitors(list.period()))
                                .reversed()
                                .thenComparing(ArticleTally::articleId))
                        .limit(5)
                        .map(ArticleTally::articleId)
                        .toList();
                List<Candidate> top = small.top(list, 5);
                assertThat(ids(top)).as("step %d, %s", step, list).isEqualTo(expected);
                assertThat(top)
                        .allSatisfy(candidate ->
                                assertThat(candidate.views()).isGreaterThanOrEqualTo(candidate.visitors()));
            }
        }
    }

    @Test
    void aPublishedWindowsListMatchesAFullSortOfTheArticlesInsideItAsTheClockMoves() {
        java.util.Random random = new java.util.Random(23);
        dev.mostread.shared.ranking.PublishedWindow window =
                dev.mostread.shared.ranking.PublishedWindow.of(java.time.Duration.ofHours(48));
        long[] clock = {NOW};
        Leaderboards small = new Leaderboards(5, () -> filed, List.of(window), () -> clock[0]);
        for (int i = 0; i < 40; i++) {
            ArticleTally tally = new ArticleTally(ArticleKey.of(SITE, "p" + i));
            if (i % 4 != 0) { // a quarter have no catalog entry: their first view counts as publication
                tally.catalog(new dev.mostread.shared.article.Article(
                        null,
                        null,
                        null,
                        null,
                        null,
                        Instant.ofEpochMilli(NOW - random.nextInt(4 * 24 * 60) * 60_000L),
                        false));
            }
            filed.add(tally);
        }
        ListKey fresh = ListKey.allSections(SITE, Period.LAST_WEEK).publishedWithin(window);
        for (int step = 0; step < 2_000; step++) {
            ArticleTally tally = filed.get(random.nextInt(filed.size()));
            if (random.nextInt(25) == 0) {
                clock[0] += 60_000L * (1 + random.nextInt(240));
                for (ArticleTally each : filed) {
                    each.expire(clock[0], DAY);
                    small.update(each);
                }
            } else {
                tally.count(PageViews.of(SITE, tally.articleId()).at(clock[0]).build(), clock[0], clock[0], DAY);
            }
            small.update(tally);
            if (step % 25 == 0) {
                small.drainChanged(5);
            }
            long now = clock[0];
            List<String> expected = filed.stream()
                    .filter(t -> t.views(Period.LAST_WEEK) > 0
                            && t.publishedOrFirstSeen() != 0
                            && window.holds(t.publishedOrFirstSeen(), now))
                    .sorted(java.util.Comparator.comparingLong((ArticleTally t) -> t.views(Period.LAST_WEEK))
                            .reversed()
                            .thenComparing(ArticleTally::articleId))
                    .limit(5)
                    .map(ArticleTally::articleId)
                    .toList();
            assertThat(ids(small.top(fresh, 5))).as("step %d", step).isEqualTo(expected);
        }
    }

    @Test
    void aTrendingListMatchesAFullSortByScoreAfterAnyMixOfViewsHidesAndMinutesPassing() {
        java.util.Random random = new java.util.Random(31);
        long[] clock = {NOW};
        TrendingRule rule = TrendingRule.DEFAULTS;
        Leaderboards small = new Leaderboards(
                5,
                () -> filed,
                List.of(),
                () -> clock[0],
                List.of(dev.mostread.shared.ranking.Sort.VIEWS, dev.mostread.shared.ranking.Sort.TRENDING),
                rule);
        for (int i = 0; i < 40; i++) {
            filed.add(new ArticleTally(ArticleKey.of(SITE, "t" + i)));
        }
        ListKey trending = new ListKey(SITE, Period.LAST_HOUR, null, dev.mostread.shared.ranking.Sort.TRENDING);
        for (int step = 0; step < 3_000; step++) {
            ArticleTally tally = filed.get(random.nextInt(random.nextBoolean() ? 8 : filed.size()));
            int what = random.nextInt(40);
            if (what == 0) {
                // minutes pass: as the counter does it, expire every article and re-file those that may trend
                clock[0] += 60_000L * (1 + random.nextInt(random.nextBoolean() ? 3 : 40));
                for (ArticleTally each : filed) {
                    boolean expired = each.expire(clock[0], DAY);
                    if (expired || small.mayTrend(each, clock[0])) {
                        small.update(each);
                    }
                }
            } else if (what == 1) {
                tally.catalog(
                        new dev.mostread.shared.article.Article(null, null, null, null, null, null, !tally.hidden()));
            } else {
                long late = random.nextInt(5) == 0 ? 60_000L * random.nextInt(50) : 0;
                tally.count(
                        PageViews.of(SITE, tally.articleId())
                                .at(clock[0] - late)
                                .build(),
                        clock[0] - late,
                        clock[0],
                        DAY);
            }
            small.update(tally);
            if (step % 25 == 0) {
                small.drainChanged(5);
            }
            long now = clock[0];
            List<String> expected = filed.stream()
                    .filter(t -> !t.hidden()
                            && rule.score(t.counts(), t.firstSeenAt(), now).ranked() > 0)
                    .sorted(java.util.Comparator.comparingLong((ArticleTally t) ->
                                    rule.score(t.counts(), t.firstSeenAt(), now).ranked())
                            .reversed()
                            .thenComparing(ArticleTally::articleId))
                    .limit(5)
                    .map(ArticleTally::articleId)
                    .toList();
            List<Candidate> top = small.top(trending, 5);
            assertThat(ids(top)).as("step %d", step).isEqualTo(expected);
            assertThat(top)
                    .allSatisfy(candidate -> assertThat(candidate.trend()).isNotNull());
        }
    }
}
