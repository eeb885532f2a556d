package dev.mostread.ranker.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.mostread.ranker.ranking.ArticleCounts;
import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.BucketCounts;
import dev.mostread.ranker.ranking.TodayCounts;
import dev.mostread.shared.article.Article;
import dev.mostread.shared.ranking.Period;

/**
 * The changelog format of an {@link ArticleTally}: compact binary. An article is one record keyed by its
 * article key (looks, catalog entry and bucket counts) plus one record per bucket that has a visitor sketch,
 * keyed {@code {articleKey}\0{period}\0{bucketStart}}, so a commit rewrites only the sketches that changed
 * (usually the newest bucket's) rather than every sketch of a busy article.
 */
final class TallyCodec {

    private static final byte VERSION = 2;
    private static final char SEPARATOR = '\u0000';

    /** The parts of a sketch record's key. */
    record SketchKey(String articleKey, Period period, long bucketStart) {
    }

    static byte[] headKey(String articleKey) {
        return articleKey.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sketchKey(String articleKey, Period period, long bucketStart) {
        return (articleKey + SEPARATOR + period.ordinal() + SEPARATOR + bucketStart).getBytes(StandardCharsets.UTF_8);
    }

    /** The parts of {@code key} if it names a sketch record, else null. */
    static SketchKey parseSketchKey(byte[] key) {
        String text = new String(key, StandardCharsets.UTF_8);
        int first = text.indexOf(SEPARATOR);
        if (first < 0) {
            return null;
        }
        int second = text.indexOf(SEPARATOR, first + 1);
        return new SketchKey(text.substring(0, first),
                Period.values()[Integer.parseInt(text.substring(first + 1, second))],
                Long.parseLong(text.substring(second + 1)));
    }

    byte[] encode(ArticleTally tally) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(tally.site());
            out.writeUTF(tally.articleId());
            ArticleTally.Shown shown = tally.fromViews();
            writeNullable(out, shown.section());
            writeNullable(out, shown.title());
            writeNullable(out, shown.url());
            writeNullable(out, shown.imageUrl());
            writeCatalog(out, tally.catalog());
            out.writeBoolean(tally.deleted());
            out.writeLong(tally.lastViewAt());
            TodayCounts today = tally.counts().today();
            out.writeLong(today.dayStart());
            out.writeLong(today.views());
            for (Period period : Period.ROLLING) {
                BucketCounts buckets = tally.counts().buckets(period);
                out.writeShort(buckets.size());
                for (int i = 0; i < buckets.size(); i++) {
                    out.writeLong(buckets.startAt(i));
                    out.writeInt(buckets.countAt(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    ArticleTally decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("Unknown tally format version " + version);
            }
            String site = in.readUTF();
            String articleId = in.readUTF();
            ArticleTally.Shown shown = new ArticleTally.Shown(readNullable(in), readNullable(in), readNullable(in),
                    readNullable(in));
            Article catalog = readCatalog(in);
            boolean deleted = in.readBoolean();
            long lastViewAt = in.readLong();
            long dayStart = in.readLong();
            long todayViews = in.readLong();
            ArticleCounts counts = new ArticleCounts(new TodayCounts(dayStart, todayViews));
            for (Period period : Period.ROLLING) {
                BucketCounts buckets = counts.buckets(period);
                int size = in.readShort();
                for (int i = 0; i < size; i++) {
                    buckets.add(in.readLong(), in.readInt());
                }
            }
            return new ArticleTally(site, articleId, shown, catalog, deleted, lastViewAt, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCatalog(DataOutputStream out, Article article) throws IOException {
        out.writeBoolean(article != null);
        if (article != null) {
            writeNullable(out, article.title());
            writeNullable(out, article.url());
            writeNullable(out, article.section());
            writeNullable(out, article.imageUrl());
            out.writeLong(article.publishedAt() == null ? Long.MIN_VALUE : article.publishedAt().toEpochMilli());
            out.writeBoolean(article.isHidden());
        }
    }

    private static Article readCatalog(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String title = readNullable(in);
        String url = readNullable(in);
        String section = readNullable(in);
        String imageUrl = readNullable(in);
        long publishedAt = in.readLong();
        boolean hidden = in.readBoolean();
        return new Article(title, url, section, imageUrl,
                publishedAt == Long.MIN_VALUE ? null : Instant.ofEpochMilli(publishedAt), hidden);
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
