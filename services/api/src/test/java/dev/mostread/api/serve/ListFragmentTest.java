package dev.mostread.api.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListFragmentTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String LEDE = "천안시가 내년도 본예산을 1조 원 넘게 편성했다. 시 출범 이후 처음이다.";

    private static Ranking list(RankedItem... items) {
        return new Ranking(new ListKey("news21", Period.LAST_DAY, "정치"), NOW, NOW, NOW, List.of(items), NOW);
    }

    private static RankedItem item(int rank, String title, String url, String summary) {
        return new RankedItem(rank, "a" + rank, title, url, "정치", summary, null, null, 10 - rank, null, null);
    }

    @Test
    void aKoreanBoxHasItsLabelsItsItemsInOrderAndCutLedes() {
        String html = ListFragment.render(
                list(
                        item(1, "예산 1조 돌파", "https://news21.example/news/articleView.html?idxno=1", LEDE),
                        item(2, "체육대회 개막", "https://news21.example/2", null)),
                "ko",
                20);

        assertThat(html)
                .startsWith("<section class=\"mostread\" lang=\"ko\"")
                .contains(">많이 본 뉴스</h2>")
                .contains("<ol class=\"mostread-list\" role=\"list\">")
                .containsSubsequence("예산 1조 돌파", "체육대회 개막")
                .contains("href=\"https://news21.example/news/articleView.html?idxno=1\"")
                .contains("<span class=\"mostread-snippet\">천안시가 내년도 본예산을 1조 원…</span>");
    }

    @Test
    void everyValueIsEscapedAndOnlyHttpLinksAreLinks() {
        String html = ListFragment.render(
                list(item(1, "<img src=x onerror=alert(1)>", "javascript:alert(2)", "\"><script>")), "en", 50);

        assertThat(html)
                .doesNotContain("<img")
                .doesNotContain("<script")
                .doesNotContain("javascript:")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&quot;&gt;&lt;script&gt;")
                .contains("<span class=\"mostread-link\">");
    }

    @Test
    void anEmptyListShowsTheQuietStateInTheReadersLanguage() {
        assertThat(ListFragment.render(list(), "ko-KR", 0))
                .contains("아직 보여 드릴 기사가 없습니다.")
                .doesNotContain("<ol");
        assertThat(ListFragment.render(list(), "fr", 0)).contains("Nothing to show yet.");
    }

    @Test
    void snippetsAreCutOnGraphemesAndPreferablyWordsWithAnEllipsis() {
        assertThat(ListFragment.snippet("short", 10)).isEqualTo("short");
        assertThat(ListFragment.snippet("one two three four", 11)).isEqualTo("one two…");
        assertThat(ListFragment.snippet("one two three four", 12))
                .as("no word boundary near the cut")
                .isEqualTo("one two thre…");
        assertThat(ListFragment.snippet("가나다라마바사아자차카타", 5)).isEqualTo("가나다라마…");
        assertThat(ListFragment.snippet("👍🏽👍🏽👍🏽👍🏽", 2)).isEqualTo("👍🏽👍🏽…");
    }
}
