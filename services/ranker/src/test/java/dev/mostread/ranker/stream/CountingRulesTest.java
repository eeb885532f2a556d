package dev.mostread.ranker.stream;

import static dev.mostread.ranker.stream.RankerDriver.ids;
import static dev.mostread.ranker.stream.RankerDriver.views;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each counting rule of the contract (§5), through the real topology: a view counted, and one that is not. */
class CountingRulesTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:30Z");
    private static final String SITE = "news21";
    private static final String HOUR = "news21/1h/_all";
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String BINGBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
    private static final String HEADLESS =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36";
    private static final String DESKTOP =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private static final String MOBILE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private RankerDriver ranker = new RankerDriver(START);

    @AfterEach
    void close() {
        ranker.close();
    }

    private static String visitor(String id) {
        return "\"visitorId\":\"" + id + "\"";
    }

    private static String agent(String userAgent) {
        return "\"userAgent\":\"" + userAgent + "\"";
    }

    private static RankedItem only(Ranking ranking) {
        assertThat(ranking.items()).hasSize(1);
        return ranking.items().get(0);
    }

    @Test
    void aReloadOnTheTwentyNinthSecondIsNotCountedAndOneOnTheThirtyFirstIs() {
        ranker.view(SITE, "a", null, START.minusSeconds(60), visitor("v1"));
        ranker.view(SITE, "a", null, START.minusSeconds(31), visitor("v1"));
        ranker.view(SITE, "a", null, START.minusSeconds(2), visitor("v1"));

        RankedItem item = only(ranker.tick().get(HOUR));

        assertThat(item.views()).isEqualTo(2);
        assertThat(item.visitors()).isEqualTo(1);
        assertThat(ranker.filtered("duplicate")).isEqualTo(1);
    }

    @Test
    void reloadsAreTrackedPerVisitorAndArticleAndNeverWithoutAVisitorId() {
        ranker.view(SITE, "a", null, START, visitor("v1"));
        ranker.view(SITE, "a", null, START, visitor("v2"));
        ranker.view(SITE, "b", null, START, visitor("v1"));
        ranker.view(SITE, "a", null, START);
        ranker.view(SITE, "a", null, START);

        Ranking hour = ranker.tick().get(HOUR);

        assertThat(ids(hour)).containsExactly("a", "b");
        assertThat(views(hour)).containsExactly(4L, 1L);
        assertThat(hour.items()).extracting(RankedItem::visitors).containsExactly(2L, 1L);
        assertThat(ranker.filtered("duplicate")).isZero();
    }

    @Test
    void visitorsCountDistinctVisitorIdsInEachPeriod() {
        for (int i = 0; i < 40; i++) {
            ranker.view(SITE, "a", null, START.minus(Duration.ofMinutes(i * 2L)), visitor("v" + (i % 25)));
        }

        Map<String, Ranking> lists = ranker.tick();

        assertThat(only(lists.get(HOUR)).visitors()).isEqualTo(25);
        assertThat(only(lists.get("news21/24h/_all")).visitors()).isEqualTo(25);
        assertThat(only(lists.get(HOUR)).views()).isEqualTo(30);
        assertThat(only(lists.get("news21/24h/_all")).views()).isEqualTo(40);
    }

    @Test
    void robotsAreNotCountedButDesktopAndMobileBrowsersAre() {
        ranker.view(SITE, "crawled", null, START, agent(GOOGLEBOT));
        ranker.view(SITE, "crawled", null, START, agent(BINGBOT));
        ranker.view(SITE, "crawled", null, START, agent(HEADLESS));
        ranker.view(SITE, "read", null, START, agent(DESKTOP));
        ranker.view(SITE, "read", null, START, agent(MOBILE));

        Ranking hour = ranker.tick().get(HOUR);

        assertThat(ids(hour)).containsExactly("read");
        assertThat(views(hour)).containsExactly(2L);
        assertThat(ranker.filtered("robot")).isEqualTo(3);
        assertThat(ranker.counted()).isEqualTo(2);
    }

    @Test
    void theCatalogsTitleUrlSectionImageAndDateWinOverThoseOfPageViews() {
        ranker.catalog(SITE, "a", """
                {"title":"Catalog title","url":"https://news21.example/catalog-a","section":"world",
                 "imageUrl":"https://img.example/a.jpg","publishedAt":"2026-11-26T08:00:00Z"}""", START);
        ranker.view(SITE, "a", "sport", START);
        ranker.view(SITE, "b", "sport", START);

        Map<String, Ranking> lists = ranker.tick();

        RankedItem a = lists.get(HOUR).items().stream()
                .filter(i -> i.articleId().equals("a"))
                .findFirst()
                .orElseThrow();
        assertThat(a.title()).isEqualTo("Catalog title");
        assertThat(a.url()).isEqualTo("https://news21.example/catalog-a");
        assertThat(a.section()).isEqualTo("world");
        assertThat(a.imageUrl()).isEqualTo("https://img.example/a.jpg");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
        assertThat(ids(lists.get("news21/1h/world"))).containsExactly("a");
        assertThat(ids(lists.get("news21/1h/sport"))).containsExactly("b");
        RankedItem b = lists.get(HOUR).items().stream()
                .filter(i -> i.articleId().equals("b"))
                .findFirst()
                .orElseThrow();
        assertThat(b.title())
                .as("without a catalog entry, the page view's title")
                .isEqualTo("Title b");
        assertThat(b.publishedAt()).isNull();
    }

    @Test
    void aHiddenArticleLeavesEveryListAndComesBackWithItsCounts() {
        ranker.view(SITE, "a", "sport", START);
        ranker.view(SITE, "a", "sport", START);
        ranker.view(SITE, "b", "sport", START);
        ranker.tick();

        ranker.catalog(SITE, "a", "{\"hidden\":true}", START);
        ranker.view(SITE, "a", "sport", START);
        Map<String, Ranking> hidden = ranker.tick();
        assertThat(ids(hidden.get(HOUR))).containsExactly("b");
        assertThat(ids(hidden.get("news21/1h/sport"))).containsExactly("b");
        assertThat(ids(hidden.get("news21/7d/_all"))).containsExactly("b");
        assertThat(ranker.filtered("hidden")).isEqualTo(1);

        ranker.catalog(SITE, "a", "{\"hidden\":false,\"title\":\"Back\"}", START);
        Ranking back = ranker.tick().get(HOUR);
        assertThat(ids(back)).containsExactly("a", "b");
        assertThat(views(back)).containsExactly(3L, 1L);
        assertThat(back.items().get(0).title()).isEqualTo("Back");
    }

    @Test
    void aTombstoneTakesTheArticleOutOfEveryListAndANewEntryBringsItBack() {
        ranker.view(SITE, "a", null, START);
        ranker.view(SITE, "b", null, START);
        ranker.tick();

        ranker.catalog(SITE, "a", null, START);
        assertThat(ids(ranker.tick().get(HOUR))).containsExactly("b");

        ranker.catalog(SITE, "a", "{\"title\":\"Restored\"}", START);
        Ranking restored = ranker.tick().get(HOUR);
        assertThat(ids(restored)).containsExactly("a", "b");
        assertThat(restored.items().get(0).title()).isEqualTo("Restored");
    }

    @Test
    void unreadableCatalogRecordsAreSkippedAndTheStreamGoesOn() {
        ranker.articles.pipeInput("not a key", "{\"title\":\"x\"}", START);
        ranker.catalog(SITE, "a", "{not json", START);
        ranker.view(SITE, "a", null, START);

        assertThat(ids(ranker.tick().get(HOUR))).containsExactly("a");
    }

    @Test
    void todayStartsAtLocalMidnightInTheSitesZone() {
        ranker.close();
        // 23:58:30 in Seoul (UTC+9); local midnight is 15:00 UTC.
        Instant beforeMidnight = Instant.parse("2026-11-26T14:58:30Z");
        ranker = new RankerDriver(beforeMidnight, Map.of("seoul", ZoneId.of("Asia/Seoul")));

        ranker.view("seoul", "late-night", null, Instant.parse("2026-11-26T14:59:00Z"));
        Map<String, Ranking> evening = ranker.tick();
        assertThat(ids(evening.get("seoul/today/_all"))).containsExactly("late-night");
        assertThat(evening.get("seoul/today/_all").windowStart()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));

        // 00:01 in Seoul: a new day, with no new events.
        Map<String, Ranking> midnight = ranker.advance(Duration.ofSeconds(150));
        assertThat(midnight).containsKey("seoul/today/_all");
        assertThat(midnight.get("seoul/today/_all"))
                .as("yesterday's today, deleted")
                .isNull();
        assertThat(midnight).doesNotContainKey("seoul/1h/_all");

        ranker.view("seoul", "early", null, Instant.parse("2026-11-26T15:01:00Z"));
        ranker.view("seoul", "late-night", null, Instant.parse("2026-11-26T14:59:30Z"));
        Map<String, Ranking> morning = ranker.tick();
        assertThat(ids(morning.get("seoul/today/_all"))).containsExactly("early");
        assertThat(morning.get("seoul/today/_all").windowStart()).isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
        assertThat(ids(morning.get("seoul/1h/_all"))).containsExactly("late-night", "early");
    }

    @Test
    void todayUsesUtcForASiteWithoutAZone() {
        ranker.view(SITE, "a", null, START);

        Ranking today = ranker.tick().get("news21/today/_all");

        assertThat(ids(today)).containsExactly("a");
        assertThat(today.windowStart()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }
}
