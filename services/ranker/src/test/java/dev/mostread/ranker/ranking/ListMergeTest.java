package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListMergeTest {

    private static final ListKey KEY = ListKey.allSections("news21", Period.LAST_HOUR);
    private static final Instant AS_OF = Instant.parse("2026-11-26T12:00:30Z");
    private static final Instant WINDOW_START = Instant.parse("2026-11-26T11:01:00Z");

    private static Candidate candidate(String id, long views) {
        return new Candidate(
                new ArticleLooks(id, "T " + id, "https://x.example/" + id, null, null, null, null), views, null);
    }

    private static Ranking merge(List<List<Candidate>> partitions, int limit, Ranking previous) {
        return ListMerge.merge(KEY, partitions, limit, previous, AS_OF, WINDOW_START, AS_OF);
    }

    @Test
    void mergesPartitionsIntoOneRankedListWithTiesBrokenByArticleId() {
        Ranking ranking = merge(
                List.of(List.of(candidate("c", 5), candidate("a", 1)), List.of(candidate("b", 5), candidate("d", 2))),
                10,
                null);

        assertThat(ranking.items()).extracting(RankedItem::articleId).containsExactly("b", "c", "d", "a");
        assertThat(ranking.items()).extracting(RankedItem::rank).containsExactly(1, 2, 3, 4);
        assertThat(ranking.items()).extracting(RankedItem::previousRank).containsOnlyNulls();
    }

    @Test
    void keepsTheTopFiftyOfMoreCandidates() {
        List<Candidate> first = new ArrayList<>();
        List<Candidate> second = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(candidate(String.format("p%02d", i), 1000 - 2L * i));
            second.add(candidate(String.format("q%02d", i), 999 - 2L * i));
        }

        Ranking ranking = merge(List.of(first, second), 50, null);

        assertThat(ranking.items()).hasSize(50);
        assertThat(ranking.items().get(0).articleId()).isEqualTo("p00");
        assertThat(ranking.items().get(1).articleId()).isEqualTo("q00");
        assertThat(ranking.items().get(49).articleId()).isEqualTo("q24");
    }

    @Test
    void fillsPreviousRankFromThePreviouslyPublishedList() {
        Ranking previous = merge(List.of(List.of(candidate("a", 3), candidate("b", 2))), 10, null);

        Ranking next = merge(List.of(List.of(candidate("b", 5), candidate("a", 3), candidate("c", 1))), 10, previous);

        assertThat(next.items()).extracting(RankedItem::previousRank).containsExactly(2, 1, null);
    }

    @Test
    void carriesTheWindowItWasMergedFor() {
        Ranking ranking = merge(List.of(), 10, null);

        assertThat(ranking.windowStart()).isEqualTo(Instant.parse("2026-11-26T11:01:00Z"));
        assertThat(ranking.windowEnd()).isEqualTo(AS_OF);
        assertThat(ranking.items()).isEmpty();
    }

    @Test
    void aListWithTheSameItemsIsTheSameListWhateverItsTime() {
        Ranking first = merge(List.of(List.of(candidate("a", 3))), 10, null);
        Ranking later = ListMerge.merge(
                KEY, List.of(List.of(candidate("a", 3))), 10, first, AS_OF.plusSeconds(5), WINDOW_START, AS_OF);
        Ranking changed = merge(List.of(List.of(candidate("a", 4))), 10, first);

        assertThat(ListMerge.sameList(first, later)).isTrue();
        assertThat(ListMerge.sameList(first, changed)).isFalse();
        assertThat(ListMerge.sameList(null, first)).isFalse();
    }
}
