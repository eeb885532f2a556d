package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.ranker.ranking.ArticleCounts;
import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.testing.PageViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TallyStoreTest {

    private static final long NOW = Instant.parse("2026-11-26T12:00:30Z").toEpochMilli();
    private static final long DAY = Period.startOfDay(NOW, java.time.ZoneOffset.UTC);

    private KeyValueStore<Bytes, byte[]> inner;
    private TallyStore store;

    @BeforeEach
    void openStores() {
        inner = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("tallies"), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store = new TallyStore(inner);
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    private ArticleTally viewedBy(String articleId, int visitors) {
        ArticleTally tally = new ArticleTally(ArticleKey.of("news21", articleId));
        for (int i = 0; i < visitors; i++) {
            tally.count(
                    PageViews.of("news21", articleId)
                            .at(NOW)
                            .visitor("visitor-" + i)
                            .section("sport")
                            .title("Title")
                            .build(),
                    NOW,
                    NOW,
                    DAY);
        }
        store.put(tally);
        return tally;
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            all.forEachRemaining((KeyValue<Bytes, byte[]> entry) -> keys.add(new String(entry.key.get())));
        }
        return keys;
    }

    private TallyStore reloaded() {
        TallyStore again = new TallyStore(inner);
        again.load();
        return again;
    }

    @Test
    void aQuietArticlesSketchesTravelInsideItsOneRecordAndComeBackOnLoad() {
        viewedBy("quiet", 3);
        store.flushCache();

        assertThat(keys()).containsExactly("news21/quiet");
        ArticleTally loaded = reloaded().get(ArticleKey.of("news21", "quiet"));
        assertThat(loaded.counts().visitors(Period.LAST_HOUR)).isEqualTo(3);
        assertThat(loaded.counts().visitors(Period.TODAY)).isEqualTo(3);
        assertThat(loaded.views(Period.LAST_WEEK)).isEqualTo(3);
    }

    @Test
    void yesterdaysViewsAndVisitorsSurviveARestart() {
        ArticleTally tally = viewedBy("late", 3);
        long nextDay = DAY + 86_400_000L;
        tally.expire(nextDay + 1, nextDay);
        store.put(tally);
        store.flushCache();

        ArticleTally loaded = reloaded().get(ArticleKey.of("news21", "late"));

        assertThat(loaded.views(Period.YESTERDAY)).isEqualTo(3);
        assertThat(loaded.counts().visitors(Period.YESTERDAY)).isEqualTo(3);
        assertThat(loaded.views(Period.TODAY)).isZero();
    }

    @Test
    void aTallyWrittenBeforeThirtyDaysExistedGetsItsMonthFromItsWeek() {
        // version 4 of the format: three rolling periods, no yesterday; one view in the week's 11:00 bucket
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(4);
            out.writeUTF("news21");
            out.writeUTF("old");
            for (int i = 0; i < 5; i++) {
                out.writeBoolean(false); // section, title, url, image, summary
            }
            out.writeBoolean(false); // no catalog entry
            out.writeBoolean(false); // not deleted
            out.writeLong(NOW);
            out.writeLong(DAY);
            out.writeLong(2);
            out.writeShort(0); // the hour
            out.writeShort(0); // the day
            out.writeShort(2); // the week: 11:00 and 12:00
            out.writeLong(Period.LAST_WEEK.bucketStart(NOW) - 3_600_000L);
            out.writeInt(5);
            out.writeLong(Period.LAST_WEEK.bucketStart(NOW));
            out.writeInt(2);
            out.writeBoolean(false); // no inline sketches
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        ArticleTally old = new TallyCodec().decode(bytes.toByteArray());

        assertThat(old.views(Period.LAST_WEEK)).isEqualTo(7);
        assertThat(old.views(Period.LAST_MONTH)).isEqualTo(7);
        assertThat(old.counts().buckets(Period.LAST_MONTH).size())
                .as("06:00-12:00 and 12:00-18:00")
                .isEqualTo(2);
        assertThat(old.views(Period.TODAY)).isEqualTo(2);
        assertThat(old.views(Period.YESTERDAY)).isZero();
    }

    @Test
    void aBusyArticlesSketchesGetRecordsOfTheirOwnAndComeBackOnLoad() {
        viewedBy("busy", SketchRecords.INLINE_WEIGHT * 2);
        store.flushCache();

        // its record, and one per sketch: the hour's minute, the day's quarter, the week's hour, the month's
        // six hours, today
        assertThat(keys()).hasSize(6).contains("news21/busy");
        ArticleTally loaded = reloaded().get(ArticleKey.of("news21", "busy"));
        assertThat(loaded.counts().visitors(Period.LAST_HOUR)).isEqualTo(SketchRecords.INLINE_WEIGHT * 2);
        assertThat(loaded.counts().visitors(Period.TODAY)).isEqualTo(SketchRecords.INLINE_WEIGHT * 2);
    }

    private void viewNextMinute(ArticleTally tally, String visitorPrefix, int visitors) {
        long nextMinute = NOW + 60_000;
        for (int i = 0; i < visitors; i++) {
            tally.count(
                    PageViews.of("news21", tally.articleId())
                            .at(nextMinute)
                            .visitor(visitorPrefix + i)
                            .build(),
                    nextMinute,
                    nextMinute,
                    DAY);
        }
        store.put(tally);
    }

    private byte[] record(String key) {
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> entry = all.next();
                if (new String(entry.key.get()).equals(key)) {
                    return entry.value;
                }
            }
        }
        return null;
    }

    @Test
    void aBusyArticleLoadedFromItsRecordsLogsWhatItsSketchesGainInItsOwnRecord() {
        viewedBy("busy", SketchRecords.INLINE_WEIGHT * 2);
        store.flushCache();
        store = reloaded();
        ArticleTally loaded = store.get(ArticleKey.of("news21", "busy"));

        viewNextMinute(loaded, "later-", 5);
        store.flushCache();

        assertThat(keys())
                .as("no record yet for the new minute's sketch: its five visitors ride in the article's record")
                .hasSize(6);
        ArticleCounts again = reloaded().get(ArticleKey.of("news21", "busy")).counts();
        assertThat(again.visitors(Period.TODAY)).isEqualTo(SketchRecords.INLINE_WEIGHT * 2 + 5);
        assertThat(again.visitors(Period.LAST_HOUR)).isEqualTo(SketchRecords.INLINE_WEIGHT * 2 + 5);
    }

    @Test
    void aBusySketchGainingAVisitorACommitIsNotRewrittenWholeUntilItsLogIsFull() {
        viewedBy("busy", SketchRecords.INLINE_WEIGHT * 2);
        store.flushCache();
        String todayKey = "news21/busy\u0000" + Period.TODAY.ordinal() + "\u0000" + DAY;
        byte[] todayRecord = record(todayKey);
        ArticleTally busy = store.get(ArticleKey.of("news21", "busy"));

        for (int commit = 0; commit < SketchRecords.LOG_LIMIT; commit++) {
            viewNextMinute(busy, "commit-" + commit + "-", 1);
            store.flushCache();
        }
        assertThat(record(todayKey)).as("today's sketch record, untouched").isEqualTo(todayRecord);
        TallyStore loaded = reloaded();
        assertThat(loaded.get(ArticleKey.of("news21", "busy")).counts().visitors(Period.TODAY))
                .isEqualTo(SketchRecords.INLINE_WEIGHT * 2 + SketchRecords.LOG_LIMIT);

        viewNextMinute(busy, "one-more-", 1);
        store.flushCache();
        assertThat(record(todayKey))
                .as("its log full, today's sketch is written whole")
                .isNotEqualTo(todayRecord);
        assertThat(reloaded().get(ArticleKey.of("news21", "busy")).counts().visitors(Period.TODAY))
                .isEqualTo(SketchRecords.INLINE_WEIGHT * 2 + SketchRecords.LOG_LIMIT + 1);
    }

    @Test
    void aLoadedLogIsCarriedOnSoTheNextCommitKeepsItsTokens() {
        viewedBy("busy", SketchRecords.INLINE_WEIGHT * 2);
        store.flushCache();
        viewNextMinute(store.get(ArticleKey.of("news21", "busy")), "logged-", 3);
        store.flushCache();

        store = reloaded();
        ArticleTally loaded = store.get(ArticleKey.of("news21", "busy"));
        viewNextMinute(loaded, "after-load-", 2);
        store.flushCache();

        assertThat(reloaded().get(ArticleKey.of("news21", "busy")).counts().visitors(Period.TODAY))
                .as("the three logged before the load and the two after")
                .isEqualTo(SketchRecords.INLINE_WEIGHT * 2 + 5);
    }

    @Test
    void atMidnightABusyArticlesDayWithItsLoggedVisitorsBecomesYesterdayWhole() {
        viewedBy("busy", SketchRecords.INLINE_WEIGHT * 2);
        store.flushCache();
        ArticleTally busy = store.get(ArticleKey.of("news21", "busy"));
        viewNextMinute(busy, "logged-", 3);
        store.flushCache();
        long tomorrow = DAY + 86_400_000L + 60_000;

        busy.expire(tomorrow, DAY + 86_400_000L);
        store.put(busy);
        store.flushCache();

        assertThat(keys())
                .as("today's record moved to yesterday's")
                .contains("news21/busy\u0000" + Period.YESTERDAY.ordinal() + "\u0000" + DAY)
                .doesNotContain("news21/busy\u0000" + Period.TODAY.ordinal() + "\u0000" + DAY);
        assertThat(reloaded().get(ArticleKey.of("news21", "busy")).counts().visitors(Period.YESTERDAY))
                .isEqualTo(SketchRecords.INLINE_WEIGHT * 2 + 3);
    }

    @Test
    void aBusyArticlesSketchThatLeavesItsPeriodHasItsRecordDeleted() {
        ArticleTally busy = viewedBy("busy", SketchRecords.INLINE_WEIGHT * 2);
        store.flushCache();
        long twoHoursLater = NOW + 2 * 3_600_000L;

        busy.expire(twoHoursLater, DAY);
        store.put(busy);
        store.flushCache();

        assertThat(keys())
                .as("the hour's minute is gone; the day's quarter, week, month and today stay")
                .hasSize(5);
        assertThat(reloaded().get(ArticleKey.of("news21", "busy")).counts().visitors(Period.LAST_HOUR))
                .isZero();
    }

    @Test
    void aBusyArticleForgottenTakesItsSketchRecordsWithIt() {
        viewedBy("busy", SketchRecords.INLINE_WEIGHT * 2);
        viewedBy("quiet", 1);
        store.flushCache();

        store.remove(ArticleKey.of("news21", "busy"));
        store.flushCache();

        assertThat(keys()).containsExactly("news21/quiet");
    }

    @Test
    void anArticleThatTurnsBusyMovesItsSketchesOutAndKeepsItsVisitors() {
        ArticleTally tally = viewedBy("growing", 2);
        store.flushCache();
        for (int i = 0; i < SketchRecords.INLINE_WEIGHT; i++) {
            tally.count(
                    PageViews.of("news21", "growing")
                            .at(NOW)
                            .visitor("reader-" + i)
                            .build(),
                    NOW,
                    NOW,
                    DAY);
        }
        store.put(tally);
        store.flushCache();

        assertThat(keys()).hasSize(6);
        assertThat(reloaded().get(ArticleKey.of("news21", "growing")).counts().visitors(Period.LAST_HOUR))
                .isEqualTo(SketchRecords.INLINE_WEIGHT + 2);
    }

    @Test
    void theVisitsJournalSurvivesALoadUntilItsVisitsLeaveTheHorizon() {
        store.visits().visit("news21/a\u0000v1", NOW - 1_000);
        store.visits().visit("news21/a\u0000v2", NOW);
        store.flushCache();
        store.visits().visit("news21/b\u0000v1", NOW + 60_000);
        store.flushCache();

        assertThat(reloaded().visits().loadedVisits())
                .extracting(VisitsJournal.Visit::key)
                .containsExactlyInAnyOrder("news21/a\u0000v1", "news21/a\u0000v2", "news21/b\u0000v1");

        store.visits().forgetBefore(NOW + 1);
        store.flushCache();

        assertThat(reloaded().visits().loadedVisits())
                .extracting(VisitsJournal.Visit::key)
                .containsExactly("news21/b\u0000v1");
    }

    @Test
    void whatWasNotFlushedIsGoneAfterATaskClosesWithoutCommitting() {
        viewedBy("unflushed", 1);
        store.visits().visit("news21/unflushed\u0000v1", NOW);
        store.clearCache();
        store.flushCache();

        assertThat(keys()).isEmpty();
    }
}
