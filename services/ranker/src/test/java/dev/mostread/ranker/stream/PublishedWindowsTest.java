package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.ranker.ranking.LooksPolicy;
import dev.mostread.ranker.ranking.StateCaps;
import dev.mostread.shared.ranking.PublishedWindow;
import dev.mostread.shared.ranking.Ranking;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code published=48h} lists through the real topology: the catalog's publication time, else first seen. */
class PublishedWindowsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:30Z");
    private static final PublishedWindow TWO_DAYS = PublishedWindow.of(Duration.ofHours(48));

    private final RankerDriver ranker =
            new RankerDriver(NOW, Map.of(), new LooksPolicy(3, Map.of()), StateCaps.DEFAULTS, List.of(TWO_DAYS));

    @AfterEach
    void close() {
        ranker.close();
    }

    private void publishedAt(String articleId, Instant at) {
        ranker.catalog(
                "news21", articleId, "{\"title\":\"Story " + articleId + "\",\"publishedAt\":\"" + at + "\"}", NOW);
    }

    @Test
    void keepsOnlyArticlesPublishedWithinTheWindowAndLetsThemAgeOutOnTheWallClock() {
        publishedAt("old", NOW.minus(Duration.ofDays(3)));
        publishedAt("recent", NOW.minus(Duration.ofHours(47)).minus(Duration.ofMinutes(50)));
        for (int i = 0; i < 3; i++) {
            ranker.view("news21", "old", null, NOW);
        }
        ranker.view("news21", "recent", null, NOW);
        ranker.view("news21", "recent", null, NOW);
        ranker.view("news21", "unlisted", null, NOW); // no catalog entry: first seen now

        Map<String, Ranking> first = ranker.tick();
        assertThat(RankerDriver.ids(first.get("news21/24h/_all"))).containsExactly("old", "recent", "unlisted");
        assertThat(RankerDriver.ids(first.get("news21/24h/_all/published-48h"))).containsExactly("recent", "unlisted");
        assertThat(RankerDriver.views(first.get("news21/24h/_all/published-48h")))
                .containsExactly(2L, 1L);

        // ten minutes later, with no event at all, "recent" is 48 hours old and leaves the window's lists only
        Map<String, Ranking> later = ranker.advance(Duration.ofMinutes(11));
        assertThat(RankerDriver.ids(later.get("news21/24h/_all/published-48h"))).containsExactly("unlisted");
        assertThat(later).doesNotContainKey("news21/24h/_all");
    }

    @Test
    void theCatalogsPublicationTimeWinsOverWhenTheArticleWasFirstSeen() {
        ranker.view("news21", "a", null, NOW);
        assertThat(RankerDriver.ids(ranker.tick().get("news21/1h/_all/published-48h")))
                .containsExactly("a");

        publishedAt("a", NOW.minus(Duration.ofDays(5)));

        Map<String, Ranking> moved = ranker.tick();
        assertThat(moved).containsKey("news21/1h/_all/published-48h");
        assertThat(moved.get("news21/1h/_all/published-48h"))
                .as("emptied: a tombstone")
                .isNull();
        assertThat(RankerDriver.ids(moved.get("news21/1h/_all"))).containsExactly("a");
    }

    @Test
    void everySortAndSectionHasItsWindowedList() {
        publishedAt("a", NOW.minus(Duration.ofHours(1)));
        ranker.view("news21", "a", "sport", NOW, "\"visitorId\":\"v1\"");

        Map<String, Ranking> lists = ranker.tick();

        assertThat(lists)
                .containsKeys(
                        "news21/1h/sport/published-48h",
                        "news21/1h/_all/visitors/published-48h",
                        "news21/today/sport/visitors/published-48h",
                        "news21/30d/_all/published-48h");
    }
}
