package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mostread.ranker.ranking.ArticleLooks;
import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.ranker.ranking.TrendScore;
import dev.mostread.shared.ranking.ListKey;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidatesCodecTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private static Candidate article(int i, long views) {
        return new Candidate(
                new ArticleLooks(
                        "기사-" + i,
                        "제목 " + i + " — 많이 본 뉴스 😀",
                        "https://news21.example/기사/" + i,
                        i % 2 == 0 ? "정치" : null,
                        i % 3 == 0 ? null : "요약 " + i,
                        i % 4 == 0 ? null : "https://img.example/" + i + ".jpg",
                        i % 5 == 0 ? null : NOW.minusSeconds(i)),
                views,
                i % 6 == 0 ? null : views / 2);
    }

    private static Candidate trending(Candidate c, TrendScore trend) {
        return new Candidate(c.looks(), c.views(), c.visitors(), trend);
    }

    private static List<Candidate> top(int n, long views) {
        List<Candidate> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(article(i, views - i));
        }
        return items;
    }

    private static CandidateBatch.ListCandidates list(String key, List<Candidate> items) {
        return new CandidateBatch.ListCandidates(
                ListKey.parse(key).orElseThrow(), new PartitionCandidates(3, NOW, NOW.minusSeconds(2), items, 42L));
    }

    @Test
    void aBatchReadsBackAsEveryListItWasWithEveryField() {
        Candidate trending = trending(article(7, 30), new TrendScore(12_345, 30, 2_500));
        CandidateBatch batch = new CandidateBatch(List.of(
                list("news21/1h/_all", top(10, 100)),
                list("news21/24h/정치", top(4, 900)),
                list("news21/7d/_all/visitors/published-48h", top(1, 5)),
                list("news21/trending/_all", List.of(trending))));

        assertThat(CandidatesCodec.decodeBatch(CandidatesCodec.encode(batch))).isEqualTo(batch);
    }

    @Test
    void oneListReadsBackAsItWas() {
        PartitionCandidates candidates = new PartitionCandidates(5, NOW, NOW, top(70, 1_000), 0L);

        byte[] stored = CandidatesCodec.encode(candidates, CandidatesCodec.NO_RECORDS);

        assertThat(CandidatesCodec.decode(stored, CandidatesCodec.NO_RECORDS)).isEqualTo(candidates);
    }

    @Test
    void oneListStoredBeforeLooksHadRecordsOfTheirOwnIsStillRead() throws IOException {
        PartitionCandidates candidates = new PartitionCandidates(5, NOW, NOW, top(12, 1_000), 7L);

        assertThat(CandidatesCodec.decode(inlineRecord(candidates), CandidatesCodec.NO_RECORDS))
                .isEqualTo(candidates);
    }

    @Test
    void aBatchWrittenWithFixedWidthFiguresIsStillRead() throws IOException {
        Candidate item = trending(article(1, 77), new TrendScore(1_500, 7, 700));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(8); // shared looks, figures as fixed longs
            out.writeShort(1);
            out.writeInt(1);
            writeLooks(out, item.looks());
            text(out, "news21/trending/정치");
            out.writeInt(2);
            out.writeLong(NOW.toEpochMilli());
            out.writeLong(NOW.toEpochMilli());
            out.writeLong(9L);
            out.writeShort(1);
            out.writeInt(0);
            writeFixedRank(out, item);
        }

        assertReadsAsOneTrendingList(bytes.toByteArray(), item);
    }

    @Test
    void variableLengthFiguresMakeABatchsListsAThirdOfWhatFixedLongsTook() {
        List<Candidate> items = top(70, 5_000);
        CandidateBatch one = new CandidateBatch(List.of(list("news21/1h/_all", items)));
        CandidateBatch two = new CandidateBatch(List.of(list("news21/1h/_all", items), list("news21/24h/_all", items)));

        int secondList = CandidatesCodec.encode(two).length - CandidatesCodec.encode(one).length;

        // 70 items of an index, views and visitors: 21 bytes each in fixed widths, 7 at most here
        assertThat(secondList).isLessThan(70 * 21 / 3 + 64);
    }

    /** {@code batch} holds one list, news21's trending list in 정치, from partition 2 with {@code item} alone. */
    private static void assertReadsAsOneTrendingList(byte[] batch, Candidate item) {
        assertThat(CandidatesCodec.decodeBatch(batch).lists())
                .containsExactly(new CandidateBatch.ListCandidates(
                        ListKey.parse("news21/trending/정치").orElseThrow(),
                        new PartitionCandidates(2, NOW, NOW, List.of(item), 9L)));
    }

    /** One list's record as stores wrote it before looks had records of their own (format 7: every item inline). */
    static byte[] inlineRecord(PartitionCandidates candidates) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(7);
            out.writeInt(candidates.partition());
            out.writeLong(candidates.asOf().toEpochMilli());
            out.writeLong(candidates.lastViewAt().toEpochMilli());
            out.writeLong(candidates.oldestArrival());
            out.writeShort(candidates.items().size());
            for (Candidate item : candidates.items()) {
                writeLooks(out, item.looks());
                writeFixedRank(out, item);
            }
        }
        return bytes.toByteArray();
    }

    private static void writeLooks(DataOutputStream out, ArticleLooks looks) throws IOException {
        text(out, looks.articleId());
        text(out, looks.title());
        text(out, looks.url());
        text(out, looks.section());
        text(out, looks.summary());
        text(out, looks.imageUrl());
        out.writeLong(
                looks.publishedAt() == null
                        ? Long.MIN_VALUE
                        : looks.publishedAt().toEpochMilli());
    }

    private static void writeFixedRank(DataOutputStream out, Candidate item) throws IOException {
        out.writeLong(item.views());
        out.writeLong(item.visitors() == null ? -1 : item.visitors());
        out.writeBoolean(item.trend() != null);
        if (item.trend() != null) {
            out.writeLong(item.trend().scoreMillis());
            out.writeLong(item.trend().viewsLast15m());
            out.writeLong(item.trend().expectedMillis());
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    @Test
    void anArticleInEveryListOfItsSiteHasItsLooksWrittenOnce() {
        List<Candidate> items = top(50, 1_000);
        List<CandidateBatch.ListCandidates> lists = new ArrayList<>();
        for (String period : List.of("1h", "24h", "today", "7d", "30d", "yesterday")) {
            lists.add(list("news21/" + period + "/_all", items));
        }
        int one = CandidatesCodec.encode(new CandidateBatch(lists.subList(0, 1))).length;

        int six = CandidatesCodec.encode(new CandidateBatch(lists)).length;

        // six lists of the same fifty articles: the looks once, six times the views and an index
        assertThat(six).isLessThan(2 * one);
        assertThat(six).isLessThanOrEqualTo(lists.get(0).maxBytes() * 6);
    }

    @Test
    void aBatchWrittenBeforeTheLooksWereSharedIsStillRead() throws IOException {
        Candidate item = trending(article(1, 77), new TrendScore(1_500, 7, 700));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(6); // the batch format of before: modified UTF-8, every item with its looks
            out.writeShort(1);
            out.writeUTF("news21/trending/정치");
            out.writeInt(2);
            out.writeLong(NOW.toEpochMilli());
            out.writeLong(NOW.toEpochMilli());
            out.writeLong(9L);
            out.writeShort(1);
            out.writeUTF(item.articleId());
            nullable(out, item.looks().title());
            nullable(out, item.looks().url());
            nullable(out, item.looks().section());
            nullable(out, item.looks().summary());
            nullable(out, item.looks().imageUrl());
            out.writeLong(item.looks().publishedAt().toEpochMilli());
            out.writeLong(item.views());
            out.writeLong(item.visitors());
            out.writeBoolean(true);
            out.writeLong(1_500);
            out.writeLong(7);
            out.writeLong(700);
        }

        assertReadsAsOneTrendingList(bytes.toByteArray(), item);
    }

    @Test
    void aTextLongerThanItsRecordIsRefusedWithoutAllocatingIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(8);
            out.writeShort(1);
            out.writeInt(1);
            out.writeInt(Integer.MAX_VALUE); // an article id of 2 GB, in a record of a few bytes
        }

        assertThatThrownBy(() -> CandidatesCodec.decodeBatch(bytes.toByteArray()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("2147483647 bytes");
    }

    @Test
    void anIndexOutsideTheBatchsLooksIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(8);
            out.writeShort(1);
            out.writeInt(0); // no looks
            byte[] key = "news21/1h/_all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(0);
            out.writeLong(0);
            out.writeLong(0);
            out.writeLong(0);
            out.writeShort(1);
            out.writeInt(0); // refers to looks that are not there
        }

        assertThatThrownBy(() -> CandidatesCodec.decodeBatch(bytes.toByteArray()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("looks 0 of 0");
    }

    private static void nullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }
}
