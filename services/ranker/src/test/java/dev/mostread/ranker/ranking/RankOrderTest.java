package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.ranking.Sort;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankOrderTest {

    private static Candidate candidate(String id, long views, Long visitors, long scoreMillis) {
        return new Candidate(
                new ArticleLooks(id, id, "https://example.org/" + id, null, null, null, null),
                views,
                visitors,
                new TrendScore(scoreMillis, 0, 0));
    }

    @Test
    void moreOfTheSortsFigureRanksFirstAndEqualFiguresGoByArticleId() {
        assertThat(RankOrder.compare(10, "b", 9, "a")).isNegative();
        assertThat(RankOrder.compare(9, "a", 10, "b")).isPositive();
        assertThat(RankOrder.compare(10, "a", 10, "b")).isNegative();
        assertThat(RankOrder.compare(10, "b", 10, "a")).isPositive();
        assertThat(RankOrder.compare(10, "a", 10, "a")).isZero();
    }

    @Test
    void eachSortRanksByItsOwnFigure() {
        Candidate manyViews = candidate("many-views", 100, 3L, 900);
        Candidate manyVisitors = candidate("many-visitors", 50, 40L, 1_100);
        Candidate rising = candidate("rising", 10, 9L, 4_000);
        List<Candidate> all = new ArrayList<>(List.of(rising, manyVisitors, manyViews));

        all.sort(RankOrder.of(Sort.VIEWS));
        assertThat(all).containsExactly(manyViews, manyVisitors, rising);
        all.sort(RankOrder.of(Sort.VISITORS));
        assertThat(all).containsExactly(manyVisitors, rising, manyViews);
        all.sort(RankOrder.of(Sort.TRENDING));
        assertThat(all).containsExactly(rising, manyVisitors, manyViews);
    }

    @Test
    void aCandidateWithoutTheFigureRanksAsZeroAndStillByArticleId() {
        Candidate none =
                new Candidate(new ArticleLooks("a", "a", "https://example.org/a", null, null, null, null), 5, null);
        Candidate one = candidate("b", 5, 1L, 1);

        assertThat(RankOrder.value(none, Sort.VISITORS)).isZero();
        assertThat(RankOrder.value(none, Sort.TRENDING)).isZero();
        assertThat(RankOrder.of(Sort.VISITORS).compare(one, none)).isNegative();
        assertThat(RankOrder.of(Sort.VIEWS).compare(none, one)).isNegative();
    }
}
