package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.ArticleCounts;
import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.BucketCounts;
import dev.mostread.ranker.ranking.SketchLog;
import dev.mostread.ranker.ranking.TodayCounts;
import dev.mostread.ranker.ranking.VisitorSketch;
import dev.mostread.shared.article.Article;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.ranking.Period;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * The changelog format of an {@link ArticleTally}: compact binary. An article is one record keyed by its
 * article key (looks, catalog entry and bucket counts). A quiet article's visitor sketches are small and travel
 * inside that record: one write per commit. A busy article's sketches get one record per bucket, keyed
 * {@code {articleKey}\0{period}\0{bucketStart}}, so a commit rewrites only the sketches that changed (usually
 * the newest bucket's) rather than every sketch it has; and between two whole writes of such a sketch, the
 * tokens it gained ride in the article's record ({@link SketchLog}), so a sketch that gains a visitor or two per
 * commit is not rewritten whole (8 KB once dense) every commit.
 */
final class TallyCodec {

    private static final byte VERSION = 6;
    /** Before sketch logs: a busy article's record carried no tokens for its sketches' records. */
    private static final byte VERSION_WITHOUT_LOGS = 5;
    /** Before 30d and yesterday: three rolling periods, no yesterday. */
    private static final byte VERSION_WITHOUT_MONTH = 4;

    private static final byte VERSION_WITHOUT_SUMMARIES = 3;
    private static final List<Period> ROLLING_BEFORE_MONTH =
            List.of(Period.LAST_HOUR, Period.LAST_DAY, Period.LAST_WEEK);
    private static final byte VERSION_WITHOUT_INLINE_SKETCHES = 2;
    private static final char SEPARATOR = '\u0000';

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    private final DataOutputStream out = new DataOutputStream(bytes);

    /** One sketch's log, as an article's record carries it. */
    record LoggedSketch(Period period, long bucketStart, SketchLog log) {}

    /** The parts of a sketch record's key. */
    record SketchKey(ArticleKey article, Period period, long bucketStart) {}

    static byte[] headKey(ArticleKey article) {
        return article.toBytes();
    }

    static byte[] sketchKey(ArticleKey article, Period period, long bucketStart) {
        String articleKey = article.toString();
        return (articleKey + SEPARATOR + period.ordinal() + SEPARATOR + bucketStart).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code key} names a sketch record rather than an article's own. */
    static boolean isSketchKey(byte[] key) {
        for (byte b : key) {
            if (b == SEPARATOR) {
                return true;
            }
        }
        return false;
    }

    /** The parts of {@code key}, which {@link #isSketchKey names a sketch record}; null if it names no article's. */
    static SketchKey parseSketchKey(byte[] key) {
        String text = new String(key, StandardCharsets.UTF_8);
        int first = text.indexOf(SEPARATOR);
        int second = text.indexOf(SEPARATOR, first + 1);
        ArticleKey article = ArticleKey.parse(text.substring(0, first)).orElse(null);
        if (article == null || second < 0) {
            return null;
        }
        return new SketchKey(
                article,
                Period.values()[Integer.parseInt(text.substring(first + 1, second))],
                Long.parseLong(text.substring(second + 1)));
    }

    /** @param inline whether the article's sketches go inside the record (else they have records of their own) */
    byte[] encode(ArticleTally tally, boolean inline) {
        // one buffer for every record this codec's store writes (one stream thread's): a busy article's record is
        // kilobytes, and a fresh buffer grew to it by copying at every commit
        bytes.reset();
        try {
            out.writeByte(VERSION);
            out.writeUTF(tally.site());
            out.writeUTF(tally.articleId());
            ArticleTally.Shown shown = tally.fromViews();
            writeNullable(out, shown.section());
            writeNullable(out, shown.title());
            writeNullable(out, shown.url());
            writeNullable(out, shown.imageUrl());
            writeNullable(out, shown.summary());
            writeCatalog(out, tally.catalog());
            out.writeBoolean(tally.deleted());
            out.writeLong(tally.lastViewAt());
            TodayCounts today = tally.counts().today();
            out.writeLong(today.dayStart());
            out.writeLong(today.views());
            out.writeLong(today.yesterdayStart());
            out.writeLong(today.yesterdayViews());
            out.writeLong(tally.firstSeenAt());
            for (Period period : Period.ROLLING) {
                BucketCounts buckets = tally.counts().buckets(period);
                out.writeShort(buckets.size());
                for (int i = 0; i < buckets.size(); i++) {
                    out.writeLong(buckets.startAt(i));
                    out.writeInt(buckets.countAt(i));
                }
            }
            out.writeBoolean(inline);
            if (inline) {
                int[] sketches = {0};
                tally.counts().forEachSketch((period, start, sketch) -> sketches[0]++);
                out.writeShort(sketches[0]);
                tally.counts().forEachSketch(this::writeInline);
            } else {
                writeLogs(out, tally.counts());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One inline sketch, straight into the record: its length, period, bucket start and {@link VisitorSketch} bytes. */
    private void writeInline(Period period, long bucketStart, VisitorSketch sketch) {
        try {
            out.writeInt(1 + Long.BYTES + sketch.byteSize());
            out.writeByte(period.ordinal());
            out.writeLong(bucketStart);
            sketch.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ArticleTally decode(byte[] data) {
        return decode(data, (period, start, log) -> {
            throw new IllegalStateException("A tally with sketch logs, read without their sketches");
        });
    }

    /**
     * Reads an article's record; the sketch logs it carries go to {@code logs}, to be replayed once the sketches'
     * own records are restored.
     */
    ArticleTally decode(byte[] data, ArticleCounts.SketchLogs logs) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version < VERSION_WITHOUT_INLINE_SKETCHES || version > VERSION) {
                throw new IllegalStateException("Unknown tally format version " + version);
            }
            boolean summaries = version >= VERSION_WITHOUT_MONTH;
            boolean month = version >= VERSION_WITHOUT_LOGS;
            String site = in.readUTF();
            String articleId = in.readUTF();
            ArticleTally.Shown shown = new ArticleTally.Shown(
                    readNullable(in),
                    readNullable(in),
                    readNullable(in),
                    readNullable(in),
                    summaries ? readNullable(in) : null);
            Article catalog = readCatalog(in, summaries);
            boolean deleted = in.readBoolean();
            long lastViewAt = in.readLong();
            long dayStart = in.readLong();
            long todayViews = in.readLong();
            long yesterdayStart = month ? in.readLong() : Long.MIN_VALUE;
            long yesterdayViews = month ? in.readLong() : 0;
            long firstSeenAt = month ? in.readLong() : 0;
            ArticleCounts counts =
                    new ArticleCounts(new TodayCounts(dayStart, todayViews, yesterdayStart, yesterdayViews));
            for (Period period : month ? Period.ROLLING : ROLLING_BEFORE_MONTH) {
                BucketCounts buckets = counts.buckets(period);
                int size = in.readShort();
                for (int i = 0; i < size; i++) {
                    buckets.add(in.readLong(), in.readInt());
                }
            }
            if (!month) {
                // 30d did not exist yet: its 6-hour buckets start from the week's hourly ones
                BucketCounts week = counts.buckets(Period.LAST_WEEK);
                BucketCounts monthly = counts.buckets(Period.LAST_MONTH);
                for (int i = 0; i < week.size(); i++) {
                    monthly.add(Period.LAST_MONTH.bucketStart(week.startAt(i)), week.countAt(i));
                }
            }
            boolean inline = version != VERSION_WITHOUT_INLINE_SKETCHES && in.readBoolean();
            if (!inline && version > VERSION_WITHOUT_LOGS) {
                readLogs(in, logs);
            }
            if (inline) {
                int sketches = in.readShort();
                for (int i = 0; i < sketches; i++) {
                    byte[] sketch = new byte[in.readInt()];
                    in.readFully(sketch);
                    ByteBuffer buffer = ByteBuffer.wrap(sketch);
                    Period period = Period.values()[buffer.get()];
                    long start = buffer.getLong();
                    counts.restoreSketch(
                            period,
                            start,
                            VisitorSketch.fromBytes(Arrays.copyOfRange(sketch, 1 + Long.BYTES, sketch.length)));
                }
            }
            ArticleTally tally =
                    new ArticleTally(new ArticleKey(site, articleId), shown, catalog, deleted, lastViewAt, counts);
            BucketCounts oldest = counts.buckets(Period.LAST_MONTH);
            // before version 5 the first view was not kept: the oldest bucket still held is the best guess
            tally.firstSeenAt(month || oldest.size() == 0 ? firstSeenAt : oldest.startAt(0));
            return tally;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLogs(DataOutputStream out, ArticleCounts counts) throws IOException {
        List<LoggedSketch> logs = new ArrayList<>();
        counts.forEachSketchLog((period, start, log) -> logs.add(new LoggedSketch(period, start, log)));
        out.writeShort(logs.size());
        for (LoggedSketch logged : logs) {
            SketchLog log = logged.log();
            out.writeByte(logged.period().ordinal());
            out.writeLong(logged.bucketStart());
            out.writeInt(log.size());
            for (int i = 0; i < log.size(); i++) {
                out.writeInt(log.token(i));
            }
        }
    }

    private static void readLogs(DataInputStream in, ArticleCounts.SketchLogs logs) throws IOException {
        int count = in.readShort();
        for (int i = 0; i < count; i++) {
            Period period = Period.values()[in.readByte()];
            long start = in.readLong();
            int size = in.readInt();
            if (size < 0 || size > in.available() / Integer.BYTES) {
                throw new IllegalStateException("A sketch log of " + size + " tokens in a shorter record");
            }
            int[] tokens = new int[size];
            for (int t = 0; t < size; t++) {
                tokens[t] = in.readInt();
            }
            logs.log(period, start, SketchLog.of(tokens));
        }
    }

    private static void writeCatalog(DataOutputStream out, Article article) throws IOException {
        out.writeBoolean(article != null);
        if (article != null) {
            writeNullable(out, article.title());
            writeNullable(out, article.url());
            writeNullable(out, article.section());
            writeNullable(out, article.summary());
            writeNullable(out, article.imageUrl());
            out.writeLong(
                    article.publishedAt() == null
                            ? Long.MIN_VALUE
                            : article.publishedAt().toEpochMilli());
            out.writeBoolean(article.isHidden());
        }
    }

    private static Article readCatalog(DataInputStream in, boolean summaries) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String title = readNullable(in);
        String url = readNullable(in);
        String section = readNullable(in);
        String summary = summaries ? readNullable(in) : null;
        String imageUrl = readNullable(in);
        long publishedAt = in.readLong();
        boolean hidden = in.readBoolean();
        return new Article(
                title,
                url,
                section,
                summary,
                imageUrl,
                publishedAt == Long.MIN_VALUE ? null : Instant.ofEpochMilli(publishedAt),
                hidden);
    }

    static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static final byte VISITS_MARK = 1;
    private static final byte[] VISITS_PREFIX = "\u0001visits\u0000".getBytes(StandardCharsets.UTF_8);

    /** The key of visit journal batch {@code seq}; its first byte can start no article key (sites are slugs). */
    static byte[] visitBatchKey(long seq) {
        byte[] key = Arrays.copyOf(VISITS_PREFIX, VISITS_PREFIX.length + Long.BYTES);
        ByteBuffer.wrap(key, VISITS_PREFIX.length, Long.BYTES).putLong(seq);
        return key;
    }

    /** The sequence of a visit journal key, or -1 if {@code key} is not one. */
    static long parseVisitBatchKey(byte[] key) {
        if (key.length != VISITS_PREFIX.length + Long.BYTES
                || key[0] != VISITS_MARK
                || !Arrays.equals(key, 0, VISITS_PREFIX.length, VISITS_PREFIX, 0, VISITS_PREFIX.length)) {
            return -1;
        }
        return ByteBuffer.wrap(key, VISITS_PREFIX.length, Long.BYTES).getLong();
    }

    static byte[] encodeVisits(List<VisitsJournal.Visit> visits, long newest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + visits.size() * 48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(newest);
            out.writeInt(visits.size());
            for (VisitsJournal.Visit visit : visits) {
                out.writeUTF(visit.key());
                out.writeLong(visit.eventTime());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Hands every visit of a batch to {@code visits}; returns the batch's newest event time. */
    static long decodeVisits(byte[] data, ObjLongConsumer<String> visits) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            in.readByte();
            long newest = in.readLong();
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                visits.accept(in.readUTF(), in.readLong());
            }
            return newest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
