package dev.mostread.shared.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mostread.shared.kafka.Json;
import java.nio.charset.StandardCharsets;
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
        return new Ranking(
                ListKey.allSections("news21", Period.LAST_HOUR), NOW, NOW.minusSeconds(3600), NOW, list, NOW);
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

    @Test
    void theJsonNamesTheListWithTheContractsFieldsAndItsSortAndWindow() {
        Ranking recent = new Ranking(
                new ListKey(
                        "news21",
                        Period.LAST_DAY,
                        "정치",
                        Sort.VISITORS,
                        PublishedWindow.parse("48h").orElseThrow()),
                NOW,
                NOW.minusSeconds(86_400),
                NOW,
                ranking(2).items(),
                NOW);

        String json = new String(Json.mapper().writeValueAsBytes(recent), StandardCharsets.UTF_8);

        assertThat(json)
                .startsWith("{\"site\":\"news21\",\"period\":\"24h\",\"section\":\"정치\",\"asOf\":")
                .endsWith("\"sort\":\"visitors\",\"published\":\"48h\"}");
        assertThat(Json.mapper().readValue(json, Ranking.class)).isEqualTo(recent);
        assertThat(Json.mapper().readValue(json, Ranking.class).period()).isEqualTo(Period.LAST_DAY);
    }

    @Test
    void aTrendingListIsCalledTrendingInItsPeriodAndCoversTheLastHour() {
        Ranking trending = new Ranking(
                new ListKey("news21", Period.LAST_HOUR, null, Sort.TRENDING), NOW, NOW, NOW, List.of(), NOW);

        String json = new String(Json.mapper().writeValueAsBytes(trending), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"period\":\"trending\"", "\"sort\":\"trending\"")
                .doesNotContain("published");
        assertThat(Json.mapper().readValue(json, Ranking.class).key()).isEqualTo(trending.key());
        assertThat(trending.period()).isEqualTo(Period.LAST_HOUR);
    }

    @Test
    void aBodyWrittenBeforeItNamedItsSortIsTheListItsRecordKeyNames() {
        String before = "{\"site\":\"news21\",\"period\":\"7d\",\"section\":null,\"asOf\":\"2026-12-01T12:00:00Z\","
                + "\"windowStart\":\"2026-11-24T12:00:00Z\",\"windowEnd\":\"2026-12-01T12:00:00Z\",\"items\":[],"
                + "\"lastViewAt\":null}";
        ListKey byVisitors = ListKey.parse("news21/7d/_all/visitors").orElseThrow();

        Ranking read = Json.mapper().readValue(before, Ranking.class);

        assertThat(read.key()).isEqualTo(ListKey.allSections("news21", Period.LAST_WEEK));
        assertThat(read.forList(byVisitors).key()).isEqualTo(byVisitors);
        assertThat(read.forList(byVisitors).sort()).isEqualTo("visitors");
    }

    @Test
    void aBodyWithAPeriodOrSortThatNoListHasIsRefused() {
        String unknownPeriod = "{\"site\":\"news21\",\"period\":\"1y\",\"items\":[]}";
        String unknownSort = "{\"site\":\"news21\",\"period\":\"1h\",\"sort\":\"loudest\",\"items\":[]}";
        String noSite = "{\"period\":\"1h\",\"items\":[]}";

        for (String body : List.of(unknownPeriod, unknownSort, noSite)) {
            assertThatThrownBy(() -> Json.mapper().readValue(body, Ranking.class))
                    .as(body)
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
