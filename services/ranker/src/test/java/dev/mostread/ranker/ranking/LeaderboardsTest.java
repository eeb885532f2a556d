package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;

class LeaderboardsTest {

    private static final long NOW = Instant.parse("2026-11-26T12:00:30Z").toEpochMilli();
    private static final long DAY = Period.startOfDay(NOW, java.time.ZoneOffset.UTC);
    private static final String SITE = "news21";
    private static final ListKey HOUR_ALL = ListKey.allSections(SITE, Period.LAST_HOUR);
    private static final ListKey HOUR_SPORT = new ListKey(SITE, Period.LAST_HOUR, "sport");

    private final Leaderboards leaderboards = new Leaderboards();

    private ArticleTally viewed(String articleId, String section, int views) {
        ArticleTally tally = new ArticleTally(SITE, articleId);
        for (int i = 0; i < views; i++) {
            tally.count(view(articleId, section), NOW, NOW, DAY);
        }
        leaderboards.update(tally);
        return tally;
    }

    private static PageView view(String articleId, String section) {
        return new PageView(SITE, articleId, NOW, null, section, null, "Title " + articleId,
                "https://news21.example/" + articleId, null, null, null);
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
        assertThat(leaderboards.size(HOUR_ALL)).isEqualTo(60);
    }

    @Test
    void anArticleThatGainsViewsMovesUpAndIsFiledOnce() {
        viewed("a", null, 2);
        ArticleTally b = viewed("b", null, 1);

        b.count(view("b", null), NOW, NOW, DAY);
        b.count(view("b", null), NOW, NOW, DAY);
        leaderboards.update(b);

        assertThat(ids(leaderboards.top(HOUR_ALL, 10))).containsExactly("b", "a");
        assertThat(leaderboards.size(HOUR_ALL)).isEqualTo(2);
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
        assertThat(ids(leaderboards.top(new ListKey(SITE, Period.LAST_HOUR, "politics"), 10))).containsExactly("a");
    }

    @Test
    void anArticleWhoseViewsExpireLeavesTheListButStaysInLongerPeriods() {
        ArticleTally a = viewed("a", null, 1);

        a.expire(NOW + 3_600_000L, DAY);
        leaderboards.update(a);

        assertThat(leaderboards.top(HOUR_ALL, 10)).isEmpty();
        assertThat(ids(leaderboards.top(ListKey.allSections(SITE, Period.LAST_DAY), 10))).containsExactly("a");
    }

    @Test
    void reportsOnlyListsThatWereTouchedSinceTheLastDrain() {
        viewed("a", "sport", 1);
        Map<ListKey, List<Candidate>> first = leaderboards.drainChanged(50);
        assertThat(first).containsKeys(HOUR_ALL, HOUR_SPORT);

        ArticleTally unchanged = new ArticleTally(SITE, "z");
        leaderboards.update(unchanged);

        assertThat(leaderboards.drainChanged(50)).isEmpty();
    }

    @Test
    void aTitleChangeMarksTheListsChangedEvenWithTheSameViews() {
        ArticleTally a = viewed("a", null, 1);
        leaderboards.drainChanged(50);

        a.count(new PageView(SITE, "a", NOW, null, null, null, "New title", null, null, null, null), NOW, NOW, DAY);
        leaderboards.update(a);

        Map<ListKey, List<Candidate>> changed = leaderboards.drainChanged(50);
        assertThat(changed.get(HOUR_ALL)).extracting(Candidate::title).containsExactly("New title");
    }
}
