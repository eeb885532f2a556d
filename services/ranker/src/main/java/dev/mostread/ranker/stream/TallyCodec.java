package dev.mostread.ranker.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import dev.mostread.ranker.ranking.ArticleCounts;
import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.BucketCounts;
import dev.mostread.shared.ranking.Period;

/**
 * The changelog format of an {@link ArticleTally}: compact binary, written once per commit for each
 * article that changed, so its cost does not grow with the view rate.
 */
final class TallyCodec {

    private static final byte VERSION = 1;

    byte[] encode(ArticleTally tally) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(tally.site());
            out.writeUTF(tally.articleId());
            writeNullable(out, tally.section());
            writeNullable(out, tally.title());
            writeNullable(out, tally.url());
            writeNullable(out, tally.imageUrl());
            out.writeLong(tally.lastViewAt());
            for (Period period : Period.values()) {
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
            String section = readNullable(in);
            String title = readNullable(in);
            String url = readNullable(in);
            String imageUrl = readNullable(in);
            long lastViewAt = in.readLong();
            ArticleCounts counts = new ArticleCounts();
            for (Period period : Period.values()) {
                BucketCounts buckets = counts.buckets(period);
                int size = in.readShort();
                for (int i = 0; i < size; i++) {
                    buckets.add(in.readLong(), in.readInt());
                }
            }
            return new ArticleTally(site, articleId, section, title, url, imageUrl, lastViewAt, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
