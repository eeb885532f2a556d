package dev.mostread.ranker.stream;

import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.mostread.ranker.ranking.ArticleLooks;
import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.ranker.ranking.TrendScore;
import dev.mostread.shared.ranking.ListKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * Partitions' candidates in a compact binary form: they cross the {@code list-candidates} topic (as a
 * {@link CandidateBatch} per site and tick) and sit in the publisher's changelog (one list's, per partition)
 * several times a second, where JSON cost most of the ranker's time.
 *
 * <p>Texts are UTF-8 with an int length ({@code -1} for none): {@link DataOutputStream#writeUTF}'s modified UTF-8,
 * which older versions used, walks every char and took 7% of the stream thread. A batch carries each article's
 * looks once, and its lists refer to them by index: an article near the top of a site is in most of that site's
 * lists (every period, all sections and its own), so this writes its title, summary and URLs once instead of up to
 * a dozen times. The publisher's store goes further: it keeps each article's looks in a record of their own, which
 * its lists' records name ({@link LooksRecords}), so a commit that rewrites a site's lists writes their figures,
 * not every item's texts again. Every older version can still be read: a topic or changelog written before an
 * upgrade is read on.
 */
final class CandidatesCodec implements Serde<CandidateBatch> {

    /**
     * One list's candidates as the publisher's store keeps them: each item names its looks by reference to a looks
     * record of the store ({@link #encodeLooks}) where the store holds one, and figures are variable-length.
     */
    private static final byte VERSION_LOOKS_BY_REFERENCE = 8;
    /** One list's candidates, texts in UTF-8. */
    private static final byte VERSION = 7;

    private static final byte VERSION_MODIFIED_UTF8 = 5;
    private static final byte VERSION_WITHOUT_TRENDS = 3;
    private static final byte VERSION_WITHOUT_SUMMARIES = 1;
    /**
     * A batch: the articles' looks first, once each, then the lists with an index into them; indexes and figures as
     * variable-length longs (most are one or two bytes of the eight a fixed long takes).
     */
    private static final byte BATCH_VERSION = 9;

    private static final byte BATCH_VERSION_FIXED_WIDTH = 8;

    private static final byte BATCH_VERSION_INLINE_LOOKS = 6;
    private static final byte BATCH_VERSION_WITHOUT_TRENDS = 4;
    private static final byte BATCH_VERSION_WITHOUT_SUMMARIES = 2;

    /** A looks record of the publisher's store: one article's looks, in one version. */
    private static final byte LOOKS_VERSION = 1;

    private static final Hasher64 LOOKS_HASHER = Hashing.komihash5_0();

    private static final byte INLINE = 0;
    private static final byte BY_REFERENCE = 1;

    /**
     * What a stored or sent form holds, by its version: {@code references}, a kind byte per item (looks inline or
     * named by article id and {@link #hash}); {@code varints}, figures as Kafka's zig-zag variable-length longs.
     */
    private record Layout(
            boolean summaries, boolean trends, boolean utf8, boolean sharedLooks, boolean references, boolean varints) {

        static final Layout BY_REFERENCE = new Layout(true, true, true, false, true, true);
        static final Layout CURRENT = new Layout(true, true, true, false, false, false);
        static final Layout BATCH = new Layout(true, true, true, true, false, true);
        static final Layout BATCH_FIXED_WIDTH = new Layout(true, true, true, true, false, false);
        static final Layout MODIFIED_UTF8 = new Layout(true, true, false, false, false, false);
        static final Layout WITHOUT_TRENDS = new Layout(true, false, false, false, false, false);
        static final Layout WITHOUT_SUMMARIES = new Layout(false, false, false, false, false, false);

        static Layout ofList(byte version) {
            return switch (version) {
                case VERSION_LOOKS_BY_REFERENCE -> BY_REFERENCE;
                case VERSION -> CURRENT;
                case VERSION_MODIFIED_UTF8 -> MODIFIED_UTF8;
                case VERSION_WITHOUT_TRENDS -> WITHOUT_TRENDS;
                case VERSION_WITHOUT_SUMMARIES -> WITHOUT_SUMMARIES;
                default -> throw new IllegalStateException("Unknown candidates format version " + version);
            };
        }

        static Layout ofBatch(byte version) {
            return switch (version) {
                case BATCH_VERSION -> BATCH;
                case BATCH_VERSION_FIXED_WIDTH -> BATCH_FIXED_WIDTH;
                case BATCH_VERSION_INLINE_LOOKS -> MODIFIED_UTF8;
                case BATCH_VERSION_WITHOUT_TRENDS -> WITHOUT_TRENDS;
                case BATCH_VERSION_WITHOUT_SUMMARIES -> WITHOUT_SUMMARIES;
                default -> throw new IllegalStateException("Unknown candidate batch format version " + version);
            };
        }
    }

    /** Finds the looks a stored list's item names, in the store's looks records. */
    interface LooksRecords {

        /**
         * The {@link #hash} under which {@code looks} has a record of its own (then an item names it instead of
         * carrying it); null when it has none.
         */
        Long hashOf(ArticleLooks looks);

        /** The looks recorded for {@code articleId} under {@code hash}; null when there is no such record. */
        ArticleLooks find(String articleId, long hash);
    }

    /** No looks records: every item carries its looks, and a record that names looks is refused. */
    static final LooksRecords NO_RECORDS = new LooksRecords() {
        @Override
        public Long hashOf(ArticleLooks looks) {
            return null;
        }

        @Override
        public ArticleLooks find(String articleId, long hash) {
            return null;
        }
    };

    /**
     * One list's candidates as the publisher's store writes them: an item whose looks have a record names
     * them (article id and {@link #hash}, some 20 bytes instead of a title, URLs and a lede), the others carry theirs.
     */
    static byte[] encode(PartitionCandidates candidates, LooksRecords records) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(64 + candidates.items().size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION_LOOKS_BY_REFERENCE);
            writeHeader(out, candidates);
            for (Candidate item : candidates.items()) {
                ArticleLooks looks = item.looks();
                Long hash = records.hashOf(looks);
                if (hash != null) {
                    out.writeByte(BY_REFERENCE);
                    writeText(out, looks.articleId());
                    out.writeLong(hash);
                } else {
                    out.writeByte(INLINE);
                    writeLooks(out, looks);
                }
                writeVarRank(out, item);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One article's looks as a record of its own in the publisher's store. */
    static byte[] encodeLooks(ArticleLooks looks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(LOOKS_VERSION);
            writeLooks(out, looks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ArticleLooks decodeLooks(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != LOOKS_VERSION) {
                throw new IllegalStateException("Unknown looks format version " + version);
            }
            return readLooks(in, Layout.CURRENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 64-bit hash of every field of {@code looks} (hash4j's komihash): what names one version of an article's looks. */
    static long hash(ArticleLooks looks) {
        HashStream64 hash = LOOKS_HASHER.hashStream();
        for (String text : new String[] {
            looks.articleId(), looks.title(), looks.url(), looks.section(), looks.summary(), looks.imageUrl()
        }) {
            if (text == null) {
                hash.putBoolean(false);
            } else {
                hash.putBoolean(true).putString(text);
            }
        }
        return hash.putLong(
                        looks.publishedAt() == null
                                ? Long.MIN_VALUE
                                : looks.publishedAt().toEpochMilli())
                .getAsLong();
    }

    static byte[] encode(CandidateBatch batch) {
        Map<ArticleLooks, Integer> index = new HashMap<>();
        List<ArticleLooks> looks = new ArrayList<>();
        for (CandidateBatch.ListCandidates list : batch.lists()) {
            for (Candidate item : list.candidates().items()) {
                index.computeIfAbsent(item.looks(), added -> {
                    looks.add(added);
                    return looks.size() - 1;
                });
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + looks.size() * 160 + index.size() * 24);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(BATCH_VERSION);
            out.writeShort(batch.lists().size());
            out.writeInt(looks.size());
            for (ArticleLooks article : looks) {
                writeLooks(out, article);
            }
            for (CandidateBatch.ListCandidates list : batch.lists()) {
                writeText(out, list.list().toString());
                writeHeader(out, list.candidates());
                for (Candidate item : list.candidates().items()) {
                    ByteUtils.writeVarint(index.get(item.looks()), out);
                    writeVarRank(out, item);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeHeader(DataOutputStream out, PartitionCandidates candidates) throws IOException {
        out.writeInt(candidates.partition());
        out.writeLong(candidates.asOf().toEpochMilli());
        out.writeLong(candidates.lastViewAt().toEpochMilli());
        out.writeLong(candidates.oldestArrival());
        out.writeShort(candidates.items().size());
    }

    private static void writeLooks(DataOutputStream out, ArticleLooks looks) throws IOException {
        writeText(out, looks.articleId());
        writeText(out, looks.title());
        writeText(out, looks.url());
        writeText(out, looks.section());
        writeText(out, looks.summary());
        writeText(out, looks.imageUrl());
        out.writeLong(
                looks.publishedAt() == null
                        ? Long.MIN_VALUE
                        : looks.publishedAt().toEpochMilli());
    }

    private static void writeVarRank(DataOutputStream out, Candidate item) throws IOException {
        ByteUtils.writeVarlong(item.views(), out);
        ByteUtils.writeVarlong(item.visitors() == null ? -1 : item.visitors(), out);
        TrendScore trend = item.trend();
        out.writeBoolean(trend != null);
        if (trend != null) {
            ByteUtils.writeVarlong(trend.scoreMillis(), out);
            ByteUtils.writeVarlong(trend.viewsLast15m(), out);
            ByteUtils.writeVarlong(trend.expectedMillis(), out);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static CandidateBatch decodeBatch(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            Layout layout = Layout.ofBatch(in.readByte());
            int size = in.readShort();
            List<ArticleLooks> looks = new ArrayList<>();
            if (layout.sharedLooks()) {
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    looks.add(readLooks(in, layout));
                }
            }
            List<CandidateBatch.ListCandidates> lists = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                // a key that is not a list's (a record some other writer put there) is read past and left out
                Optional<ListKey> key = ListKey.parse(layout.utf8() ? readText(in) : in.readUTF());
                PartitionCandidates candidates = read(in, layout, looks, NO_RECORDS);
                key.ifPresent(list -> lists.add(new CandidateBatch.ListCandidates(list, candidates)));
            }
            return new CandidateBatch(lists);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One list's candidates as a store wrote them (any version), finding the looks they name in {@code records}. */
    static PartitionCandidates decode(byte[] data, LooksRecords records) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return read(in, Layout.ofList(in.readByte()), List.of(), records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PartitionCandidates read(
            DataInputStream in, Layout layout, List<ArticleLooks> shared, LooksRecords records) throws IOException {
        int partition = in.readInt();
        Instant asOf = Instant.ofEpochMilli(in.readLong());
        Instant lastViewAt = Instant.ofEpochMilli(in.readLong());
        long oldestArrival = in.readLong();
        int size = in.readShort();
        List<Candidate> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ArticleLooks looks;
            if (layout.sharedLooks()) {
                looks = lookedUp(shared, layout.varints() ? ByteUtils.readVarint(in) : in.readInt());
            } else if (layout.references() && in.readByte() == BY_REFERENCE) {
                looks = named(records, readText(in), in.readLong());
            } else {
                looks = readLooks(in, layout);
            }
            long views = layout.varints() ? ByteUtils.readVarlong(in) : in.readLong();
            long visitors = layout.varints() ? ByteUtils.readVarlong(in) : in.readLong();
            TrendScore trend = layout.trends() && in.readBoolean()
                    ? layout.varints()
                            ? new TrendScore(
                                    ByteUtils.readVarlong(in), ByteUtils.readVarlong(in), ByteUtils.readVarlong(in))
                            : new TrendScore(in.readLong(), in.readLong(), in.readLong())
                    : null;
            items.add(new Candidate(looks, views, visitors < 0 ? null : visitors, trend));
        }
        return new PartitionCandidates(partition, asOf, lastViewAt, List.copyOf(items), oldestArrival);
    }

    private static ArticleLooks named(LooksRecords records, String articleId, long hash) throws IOException {
        ArticleLooks looks = articleId == null ? null : records.find(articleId, hash);
        if (looks == null) {
            throw new IOException(
                    "Candidate names looks " + articleId + "/" + Long.toHexString(hash) + " of no record");
        }
        return looks;
    }

    private static ArticleLooks lookedUp(List<ArticleLooks> shared, int index) throws IOException {
        if (index < 0 || index >= shared.size()) {
            throw new IOException("Candidate refers to looks " + index + " of " + shared.size());
        }
        return shared.get(index);
    }

    private static ArticleLooks readLooks(DataInputStream in, Layout layout) throws IOException {
        if (layout.utf8()) {
            return new ArticleLooks(
                    readText(in), readText(in), readText(in), readText(in), readText(in), readText(in), instant(in));
        }
        String articleId = in.readUTF();
        String title = TallyCodec.readNullable(in);
        String url = TallyCodec.readNullable(in);
        String section = TallyCodec.readNullable(in);
        String summary = layout.summaries() ? TallyCodec.readNullable(in) : null;
        String imageUrl = TallyCodec.readNullable(in);
        return new ArticleLooks(articleId, title, url, section, summary, imageUrl, instant(in));
    }

    private static Instant instant(DataInputStream in) throws IOException {
        long millis = in.readLong();
        return millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > in.available()) {
            throw new IOException("Text of " + length + " bytes in a record of " + in.available() + " left");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public Serializer<CandidateBatch> serializer() {
        return (topic, batch) -> batch == null ? null : encode(batch);
    }

    @Override
    public Deserializer<CandidateBatch> deserializer() {
        return (topic, data) -> data == null ? null : decodeBatch(data);
    }
}
