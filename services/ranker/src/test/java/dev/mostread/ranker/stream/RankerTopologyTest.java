package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RankerTopologyTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:30Z");
    private static final Duration TICK = RankerDriver.TICK;
    private static final String NEWS = "news21";
    private static final String DAILY = "daily";

    private RankerDriver ranker;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> pageViews;
    private TestOutputTopic<String, Ranking> rankings;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void startDriver() {
        ranker = new RankerDriver(START);
        driver = ranker.driver;
        pageViews = ranker.pageViews;
        rankings = ranker.rankings;
        deadLetters = ranker.deadLetters;
    }

    @AfterEach
    void closeDriver() {
        ranker.close();
    }

    private void view(String site, String articleId, String section, Instant at) {
        ranker.view(site, articleId, section, at);
    }

    private static String json(String site, String articleId, String section, Instant at) {
        return RankerDriver.json(site, articleId, section, at);
    }

    private Map<String, Ranking> tick() {
        return ranker.tick();
    }

    private static List<String> ids(Ranking ranking) {
        return RankerDriver.ids(ranking);
    }

    private static List<Long> views(Ranking ranking) {
        return RankerDriver.views(ranking);
    }

    @Test
    void publishesEveryPeriodForEverySiteAndSectionOnTheNextTick() {
        view(NEWS, "a", "sport", START);
        view(NEWS, "b", "politics", START);
        view(NEWS, "b", "politics", START);
        view(DAILY, "x", null, START);

        Map<String, Ranking> published = tick();

        // yesterday has no view yet: no list
        assertThat(published)
                .containsOnlyKeys(
                        "news21/1h/_all",
                        "news21/24h/_all",
                        "news21/7d/_all",
                        "news21/30d/_all",
                        "news21/today/_all",
                        "news21/1h/sport",
                        "news21/24h/sport",
                        "news21/7d/sport",
                        "news21/30d/sport",
                        "news21/today/sport",
                        "news21/1h/politics",
                        "news21/24h/politics",
                        "news21/7d/politics",
                        "news21/30d/politics",
                        "news21/today/politics",
                        "daily/1h/_all",
                        "daily/24h/_all",
                        "daily/7d/_all",
                        "daily/30d/_all",
                        "daily/today/_all");
        Ranking hour = published.get("news21/1h/_all");
        assertThat(ids(hour)).containsExactly("b", "a");
        assertThat(views(hour)).containsExactly(2L, 1L);
        assertThat(hour.items().get(0).title()).isEqualTo("Title b");
        assertThat(hour.items().get(0).url()).isEqualTo("https://news21.example/b");
        assertThat(hour.items().get(1).section()).isEqualTo("sport");
        assertThat(ids(published.get("news21/1h/sport"))).containsExactly("a");
        assertThat(ids(published.get("daily/7d/_all"))).containsExactly("x");
        assertThat(hour.asOf()).isEqualTo(START.plus(TICK).plus(RankerTopology.PUBLISH_INTERVAL));
        assertThat(hour.windowStart()).isEqualTo(Instant.parse("2026-11-26T11:01:00Z"));
        assertThat(ranker.counted()).isEqualTo(4);
        assertThat(tick()).isEmpty();
    }

    @Test
    void outOfOrderViewsCountOnlyInThePeriodsThatHoldTheirTime() {
        view(NEWS, "fresh", null, START);
        view(NEWS, "old", null, START.minus(Duration.ofHours(2)));
        view(NEWS, "old", null, START.minus(Duration.ofMinutes(59)));
        view(NEWS, "ancient", null, START.minus(Duration.ofDays(3)));

        Map<String, Ranking> published = tick();

        assertThat(ids(published.get("news21/1h/_all"))).containsExactly("fresh", "old");
        assertThat(views(published.get("news21/1h/_all"))).containsExactly(1L, 1L);
        assertThat(ids(published.get("news21/24h/_all"))).containsExactly("old", "fresh");
        assertThat(views(published.get("news21/24h/_all"))).containsExactly(2L, 1L);
        assertThat(ids(published.get("news21/7d/_all"))).containsExactly("old", "ancient", "fresh");
    }

    @Test
    void recordsWithNoKeyOrAnotherKeyAreCountedWithTheArticlesOtherViews() {
        view(NEWS, "a", null, START);
        pageViews.pipeInput(new TestRecord<>(null, json(NEWS, "a", null, START), START));
        pageViews.pipeInput(new TestRecord<>("some-other-key", json(NEWS, "a", null, START), START));

        Ranking hour = tick().get("news21/1h/_all");

        assertThat(ids(hour)).containsExactly("a");
        assertThat(views(hour)).containsExactly(3L);
    }

    @Test
    void viewsLeaveTheHourAsTheWallClockMovesWithoutNewEvents() {
        view(NEWS, "a", null, START);
        view(NEWS, "a", null, START);
        tick();
        driver.advanceWallClockTime(Duration.ofMinutes(30));
        view(NEWS, "b", null, START.plus(Duration.ofMinutes(30)));
        assertThat(ids(tick().get("news21/1h/_all"))).containsExactly("a", "b");

        // 12:59:59 — a's minute (12:00) is the oldest minute still inside the hour.
        Instant now = START.plus(Duration.ofMinutes(30))
                .plus(TICK.plus(RankerTopology.PUBLISH_INTERVAL).multipliedBy(2));
        driver.advanceWallClockTime(Duration.between(now, Instant.parse("2026-11-26T12:59:59Z")));
        assertThat(rankings.isEmpty()).isTrue();

        // 13:00:00 — a's minute has left the hour; the 24h list is unchanged and not republished.
        Map<String, Ranking> published = tick();
        assertThat(published).containsOnlyKeys("news21/1h/_all");
        assertThat(ids(published.get("news21/1h/_all"))).containsExactly("b");
        assertThat(published.get("news21/1h/_all").items().get(0).previousRank())
                .isEqualTo(2);
        assertThat(published.get("news21/1h/_all").windowStart()).isEqualTo(Instant.parse("2026-11-26T12:01:00Z"));
    }

    @Test
    void aListWhoseLastViewLeavesThePeriodIsDeletedWithATombstoneAndNotPublishedAgain() {
        view(NEWS, "a", null, START);
        tick();

        Map<String, Ranking> published = ranker.advance(Duration.ofHours(1));

        assertThat(published).containsOnlyKeys("news21/1h/_all");
        assertThat(published.get("news21/1h/_all")).as("a tombstone").isNull();
        assertThat(ranker.advance(Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void republishesNothingWhenNothingChanged() {
        view(NEWS, "a", null, START);
        assertThat(tick()).isNotEmpty();

        view(NEWS, "b", null, START);
        view(NEWS, "b", null, START);
        Map<String, Ranking> changed = tick();
        assertThat(ids(changed.get("news21/1h/_all"))).containsExactly("b", "a");
        assertThat(changed.get("news21/1h/_all").items())
                .extracting(RankedItem::previousRank)
                .containsExactly(null, 1);

        for (int i = 0; i < 5; i++) {
            assertThat(tick()).isEmpty();
        }
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithReasonAndSourceAndTheStreamGoesOn() {
        pageViews.pipeInput("news21/a", "not json", START);
        pageViews.pipeInput("news21/a", "{\"site\":\"News 21\",\"articleId\":\"a\"}", START);
        view(NEWS, "a", null, START);

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("news21/a");
        assertThat(header(dead.get(0), Topics.HEADER_ERROR)).startsWith("not valid JSON");
        assertThat(header(dead.get(0), Topics.HEADER_SOURCE)).isEqualTo("page-views-0-0");
        assertThat(header(dead.get(1), Topics.HEADER_ERROR)).startsWith("site must match");
        assertThat(header(dead.get(1), Topics.HEADER_SOURCE)).isEqualTo("page-views-0-1");
        assertThat(ranker.filtered("invalid")).isEqualTo(2);
        assertThat(ids(tick().get("news21/1h/_all"))).containsExactly("a");
    }

    @Test
    void viewsOfOtherPageTypesOrOutsideTheTimeLimitsAreFilteredAndCounted() {
        pageViews.pipeInput("news21/home", "{\"site\":\"news21\",\"articleId\":\"home\",\"type\":\"home\"}", START);
        view(NEWS, "future", null, START.plus(Duration.ofMinutes(6)));
        view(NEWS, "too-old", null, START.minus(Duration.ofDays(8)));
        view(NEWS, "skewed", null, START.plus(Duration.ofMinutes(4)));

        assertThat(ids(tick().get("news21/1h/_all"))).containsExactly("skewed");
        assertThat(ranker.filtered("not_article")).isEqualTo(1);
        assertThat(ranker.filtered("future")).isEqualTo(1);
        assertThat(ranker.filtered("too_old")).isEqualTo(1);
    }

    @Test
    void aViewWithoutTimestampTakesTheRecordTime() {
        Instant recordTime = START.minus(Duration.ofHours(3));
        pageViews.pipeInput("news21/a", "{\"site\":\"news21\",\"articleId\":\"a\"}", recordTime);

        Map<String, Ranking> published = tick();

        assertThat(published).doesNotContainKey("news21/1h/_all");
        assertThat(ids(published.get("news21/24h/_all"))).containsExactly("a");
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
