package dev.mostread.shared.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static Ranking ranking(int items) {
        List<RankedItem> list = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            list.add(new RankedItem(i, "a" + i, "T" + i, null, null, null, null, null, 100 - i, null, i + 1));
        }
        return new Ranking("news21", "1h", null, NOW, NOW.minusSeconds(3600), NOW, list, NOW);
    }

    @Test
    void leavingArticlesOutStillFillsTheLimitAndRanksTheRestFromOne() {
        Ranking shown = ranking(30).without(Set.of("a1", "a3", "a9"), 7);

        assertThat(shown.items())
                .extracting(RankedItem::articleId)
                .containsExactly("a2", "a4", "a5", "a6", "a7", "a8", "a10");
        assertThat(shown.items()).extracting(RankedItem::rank).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(shown.items()).extracting(RankedItem::previousRank).containsExactly(3, 5, 6, 7, 8, 9, 11);
    }

    @Test
    void aShortListLosesOnlyWhatIsExcluded() {
        assertThat(ranking(3).without(Set.of("a2", "zz"), 10).items())
                .extracting(RankedItem::articleId)
                .containsExactly("a1", "a3");
    }

    @Test
    void excludingNothingIsTheSameAsLimiting() {
        Ranking list = ranking(12);

        assertThat(list.without(Set.of(), 5)).isEqualTo(list.limitedTo(5));
    }
}
