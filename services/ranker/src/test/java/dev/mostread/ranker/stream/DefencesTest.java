package dev.mostread.ranker.stream;

import static dev.mostread.ranker.stream.RankerDriver.ids;
import static dev.mostread.ranker.stream.RankerDriver.views;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.ranker.ranking.LooksPolicy;
import dev.mostread.ranker.ranking.StateCaps;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.Ranking;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ranker's defences (§7), each as the input that attacks it, through the real topology: records that used to
 * stop the stream for good, page views that try to deface an article, and inputs that try to grow the state.
 */
class DefencesTest {

    private static final Instant START = Instant.parse("2026-11-26T12:00:30Z");
    private static final String SITE = "news21";
    private static final String PHISHING_TITLE = "BREAKING: claim your refund";
    private static final String PHISHING_URL = "https://refunds.example/claim";

    private RankerDriver ranker = new RankerDriver(START);

    @AfterEach
    void close() {
        ranker.close();
    }

    private void view(String articleId, String... extra) {
        ranker.view(SITE, articleId, null, START, extra);
    }

    private Ranking hour(Map<String, Ranking> published) {
        return published.get(SITE + "/1h/_all");
    }

    @Test
    void aRecordWithoutATimestampIsTakenAtThePartitionsTimeInsteadOfStoppingTheStream() {
        ReceiveTimeWhenMissing extractor = new ReceiveTimeWhenMissing();
        ConsumerRecord<Object, Object> untimed = new ConsumerRecord<>(
                "page-views",
                0,
                0,
                -1L,
                TimestampType.CREATE_TIME,
                0,
                0,
                "news21/a",
                "{}",
                new RecordHeaders(),
                Optional.empty());

        assertThat(extractor.extract(untimed, START.toEpochMilli())).isEqualTo(START.toEpochMilli());
        assertThat(extractor.extract(untimed, -1L)).isZero();
    }

    @Test
    void aViewWithAnAbsurdRecordTimeAndNoEventTimeIsCountedAtTheTimeReceived() {
        String noEventTime = "{\"site\":\"news21\",\"articleId\":\"untimed\"}";
        ranker.pageViews.pipeInput("news21/untimed", noEventTime, 0L);
        ranker.pageViews.pipeInput("news21/untimed", noEventTime, Long.MAX_VALUE / 2);
        view("normal");

        Ranking hour = hour(ranker.tick());

        assertThat(ids(hour)).containsExactly("untimed", "normal");
        assertThat(views(hour)).containsExactly(2L, 1L);
    }

    @Test
    void aCatalogEntryWithASeventyThousandCharacterTitleIsDeadLetteredAndThePreviousEntryStays() {
        ranker.catalog(SITE, "story", "{\"title\":\"The real title\"}", START);
        view("story");
        assertThat(hour(ranker.tick()).items().get(0).title()).isEqualTo("The real title");

        ranker.catalog(SITE, "story", "{\"title\":\"" + "x".repeat(70_000) + "\"}", START);
        view("story");
        Ranking hour = hour(ranker.tick());

        assertThat(hour.items().get(0).title()).isEqualTo("The real title");
        assertThat(views(hour)).containsExactly(2L);
        List<TestRecord<byte[], byte[]>> dead = ranker.deadLetters.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(new String(
                        dead.get(0).headers().lastHeader(Topics.HEADER_ERROR).value(), StandardCharsets.UTF_8))
                .isEqualTo("must be at most 65536 bytes");
        assertThat(ranker.deadLettered("articles")).isEqualTo(1);
    }

    @Test
    void aCatalogRecordWhoseKeyNamesNoArticleIsDeadLettered() {
        ranker.articles.pipeInput("no-slash-here", "{\"title\":\"x\"}", START);
        view("a");
        ranker.tick();

        assertThat(ranker.deadLetters.readRecordsToList()).hasSize(1);
    }

    @Test
    void aSiteWithHundredsOfListsOfLongestItemsProposesThemInRecordsThatFitKafka() {
        String longTitle = "가".repeat(512);
        String longUrl = "https://news21.example/" + "나".repeat(2000);
        for (int section = 0; section < 60; section++) {
            for (int article = 0; article < 20; article++) {
                ranker.view(
                        SITE,
                        "s" + section + "-a" + article,
                        "section-" + section,
                        START,
                        "\"visitorId\":\"v" + article + "\"",
                        "\"imageUrl\":\"" + longUrl + "\"",
                        "\"title\":\"" + longTitle + "\"",
                        "\"url\":\"" + longUrl + "\"");
            }
        }
        TestOutputTopic<byte[], byte[]> candidates = ranker.driver.createOutputTopic(
                "ranker-test-" + RankerTopology.CANDIDATES_REPARTITION + "-repartition",
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());

        Map<String, Ranking> published = ranker.tick();

        List<byte[]> records = candidates.readValuesToList();
        assertThat(records).hasSizeGreaterThan(1);
        assertThat(records).allSatisfy(record -> assertThat(record.length).isLessThan(1_000_000));
        // every period that holds now (not yesterday), by views and by visitors
        assertThat(published).hasSize((Period.ROLLING.size() + 1) * 61 * 2);
        assertThat(hour(published).items()).hasSize(50);
        assertThat(hour(published).items().get(0).title()).isEqualTo(longTitle);
    }

    /** A view of {@code articleId} carrying exactly the given fields, as any client could send it. */
    private void rawView(String articleId, Instant at, String fields) {
        ranker.pageViews.pipeInput(
                SITE + "/" + articleId,
                "{\"site\":\"news21\",\"articleId\":\"" + articleId + "\",\"timestamp\":" + at.toEpochMilli()
                        + (fields.isEmpty() ? "" : "," + fields) + "}",
                at);
    }

    @Test
    void oneVisitorCannotChangeATitleOrLinkButThreeDistinctVisitorsCan() {
        view("story", "\"visitorId\":\"reader-1\"");
        ranker.tick();

        String phishing = "\"title\":\"" + PHISHING_TITLE + "\",\"url\":\"" + PHISHING_URL + "\"";
        for (int i = 0; i < 5; i++) {
            rawView("story", START.plusSeconds(40L * i), "\"visitorId\":\"attacker\"," + phishing);
        }
        rawView("story", START, phishing);
        Ranking attacked = hour(ranker.tick());

        assertThat(views(attacked)).containsExactly(7L);
        assertThat(attacked.items().get(0).title()).isEqualTo("Title story");
        assertThat(attacked.items().get(0).url()).isEqualTo("https://news21.example/story");

        for (int i = 1; i <= 3; i++) {
            rawView("story", START, "\"visitorId\":\"reader-" + (i + 1) + "\",\"title\":\"Story, updated\"");
            if (i < 3) {
                assertThat(hour(ranker.tick()).items().get(0).title()).isEqualTo("Title story");
            }
        }
        assertThat(hour(ranker.tick()).items().get(0).title()).isEqualTo("Story, updated");
    }

    @Test
    void aUrlOrImageOnAnotherHostIsNeverShownWhereTheSiteListsItsHostsButTheViewCounts() {
        ranker.close();
        ranker = new RankerDriver(
                START, Map.of(), new LooksPolicy(3, Map.of(SITE, List.of("news21.example"))), StateCaps.DEFAULTS);
        ranker.pageViews.pipeInput(
                "news21/story",
                "{\"site\":\"news21\",\"articleId\":\"story\",\"title\":\"Story\"," + "\"url\":\"" + PHISHING_URL
                        + "\",\"imageUrl\":\"https://cdn.evil.example/i.png\"}",
                START);
        ranker.pageViews.pipeInput(
                "news21/local",
                "{\"site\":\"news21\",\"articleId\":\"local\"," + "\"url\":\"https://www.news21.example/local\"}",
                START);

        Ranking hour = hour(ranker.tick());

        assertThat(ids(hour)).containsExactly("local", "story");
        assertThat(hour.items().get(0).url()).isEqualTo("https://www.news21.example/local");
        assertThat(hour.items().get(1).url()).isNull();
        assertThat(hour.items().get(1).imageUrl()).isNull();
        assertThat(hour.items().get(1).title()).isEqualTo("Story");
    }

    @Test
    void viewsOfSitesSectionsAndArticlesBeyondTheCapsAreBoundedAndNeverDropAListedArticle() {
        ranker.close();
        ranker = new RankerDriver(START, Map.of(), new LooksPolicy(3, Map.of()), new StateCaps(2, 3, 60));
        for (int i = 0; i < 3; i++) {
            view("leader");
        }
        for (int site = 0; site < 5; site++) {
            ranker.view("flood-" + site, "a", null, START);
        }
        for (int section = 0; section < 6; section++) {
            ranker.view(SITE, "sectioned-" + section, "s" + section, START);
        }
        for (int article = 0; article < 200; article++) {
            ranker.view(SITE, "flood-" + article, null, START);
        }
        Map<String, Ranking> published = ranker.tick();

        assertThat(published.keySet()).noneMatch(key -> key.startsWith("flood-1/") || key.startsWith("flood-2/"));
        assertThat(ranker.limitsHit("sites")).isEqualTo(4);
        assertThat(published.keySet())
                .contains("news21/1h/s0", "news21/1h/s1", "news21/1h/s2")
                .doesNotContain("news21/1h/s3");
        assertThat(ranker.limitsHit("sections")).isEqualTo(3);
        assertThat(ranker.limitsHit("articles")).isGreaterThan(0);
        assertThat(ids(hour(published)).get(0)).isEqualTo("leader");
        assertThat(views(hour(published)).get(0)).isEqualTo(3L);
    }
}
