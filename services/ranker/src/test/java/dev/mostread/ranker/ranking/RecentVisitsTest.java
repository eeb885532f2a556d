package dev.mostread.ranker.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.article.ArticleKey;
import org.junit.jupiter.api.Test;

class RecentVisitsTest {

    private static final long WINDOW = 30_000;
    private static final long T = 1_764_158_400_000L;
    private static final String KEY = RecentVisits.key(ArticleKey.of("news21", "a"), "v1");

    @Test
    void aViewWithinTheWindowOfTheLastCountedOneIsARepeat() {
        RecentVisits visits = new RecentVisits(WINDOW);
        visits.counted(KEY, T);

        assertThat(visits.isRepeat(KEY, T + 29_000)).isTrue();
        assertThat(visits.isRepeat(KEY, T + 29_999)).isTrue();
        assertThat(visits.isRepeat(KEY, T + 30_000)).isFalse();
        assertThat(visits.isRepeat(KEY, T + 31_000)).isFalse();
        assertThat(visits.isRepeat(KEY, T - 10_000)).isTrue();
    }

    @Test
    void otherVisitorsAndOtherArticlesAreNotRepeats() {
        RecentVisits visits = new RecentVisits(WINDOW);
        visits.counted(KEY, T);

        assertThat(visits.isRepeat(RecentVisits.key(ArticleKey.of("news21", "a"), "v2"), T))
                .isFalse();
        assertThat(visits.isRepeat(RecentVisits.key(ArticleKey.of("news21", "b"), "v1"), T))
                .isFalse();
    }

    @Test
    void forgetsVisitsCountedBeforeAGivenTime() {
        RecentVisits visits = new RecentVisits(WINDOW);
        visits.counted(RecentVisits.key(ArticleKey.of("news21", "a"), "old"), T);
        visits.counted(KEY, T + 60_000);

        visits.forgetBefore(T + 1);

        assertThat(visits.size()).isEqualTo(1);
        assertThat(visits.isRepeat(KEY, T + 60_001)).isTrue();
    }

    @Test
    void aVisitCountedAgainIsForgottenAfterTheVisitsCountedSinceItsFirstCounting() {
        RecentVisits visits = new RecentVisits(WINDOW);
        String other = RecentVisits.key(ArticleKey.of("news21", "a"), "other");
        visits.counted(KEY, T);
        visits.counted(other, T + 10_000);
        visits.counted(KEY, T + 60_000);

        visits.forgetBefore(T + 20_000);

        assertThat(visits.size()).isEqualTo(1);
        assertThat(visits.isRepeat(KEY, T + 60_001)).isTrue();
        assertThat(visits.isRepeat(other, T + 10_001)).isFalse();
    }
}
