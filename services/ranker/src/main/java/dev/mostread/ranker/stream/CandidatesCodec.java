package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.ranker.ranking.TrendScore;
import dev.mostread.shared.ranking.ListKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Partitions' candidates in a compact binary form: they cross the {@code list-candidates} topic (as a
 * {@link CandidateBatch} per site and tick) and sit in the publisher's changelog (one list's, per partition)
 * several times a second, where JSON cost most of the ranker's time.
 */
final class CandidatesCodec implements Serde<CandidateBatch> {

    /** Each candidate ends with a trend flag and, when set, its score, views in the last 15 minutes and expectation. */
    private static final byte VERSION = 5;

    private static final byte VERSION_WITHOUT_TRENDS = 3;
    private static final byte VERSION_WITHOUT_SUMMARIES = 1;
    private static final byte BATCH_VERSION = 6;
    private static final byte BATCH_VERSION_WITHOUT_TRENDS = 4;
    private static final byte BATCH_VERSION_WITHOUT_SUMMARIES = 2;

    /** What a stored or sent form holds, by its version. */
    private record Layout(boolean summaries, boolean trends) {}

    private static Layout layout(byte version, byte current, byte withoutTrends, byte withoutSummaries, String what) {
        if (version == current) {
            return new Layout(true, true);
        }
        if (version == withoutTrends) {
            return new Layout(true, false);
        }
        if (version == withoutSummaries) {
            return new Layout(false, false);
        }
        throw new IllegalStateException("Unknown " + what + " format version " + version);
    }

    static byte[] encode(PartitionCandidates candidates) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(64 + candidates.items().size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, candidates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] encode(CandidateBatch batch) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(64 + batch.lists().size() * 50 * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(BATCH_VERSION);
            out.writeShort(batch.lists().size());
            for (CandidateBatch.ListCandidates list : batch.lists()) {
                out.writeUTF(list.list().toString());
                write(out, list.candidates());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CandidateBatch decodeBatch(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            Layout layout = layout(
                    in.readByte(),
                    BATCH_VERSION,
                    BATCH_VERSION_WITHOUT_TRENDS,
                    BATCH_VERSION_WITHOUT_SUMMARIES,
                    "candidate batch");
            int size = in.readShort();
            List<CandidateBatch.ListCandidates> lists = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                // a key that is not a list's (a record some other writer put there) is read past and left out
                Optional<ListKey> key = ListKey.parse(in.readUTF());
                PartitionCandidates candidates = read(in, layout);
                key.ifPresent(list -> lists.add(new CandidateBatch.ListCandidates(list, candidates)));
            }
            return new CandidateBatch(lists);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, PartitionCandidates candidates) throws IOException {
        out.writeInt(candidates.partition());
        out.writeLong(candidates.asOf().toEpochMilli());
        out.writeLong(candidates.lastViewAt().toEpochMilli());
        out.writeLong(candidates.oldestArrival());
        out.writeShort(candidates.items().size());
        for (Candidate item : candidates.items()) {
            out.writeUTF(item.articleId());
            TallyCodec.writeNullable(out, item.title());
            TallyCodec.writeNullable(out, item.url());
            TallyCodec.writeNullable(out, item.section());
            TallyCodec.writeNullable(out, item.summary());
            TallyCodec.writeNullable(out, item.imageUrl());
            out.writeLong(
                    item.publishedAt() == null
                            ? Long.MIN_VALUE
                            : item.publishedAt().toEpochMilli());
            out.writeLong(item.views());
            out.writeLong(item.visitors() == null ? -1 : item.visitors());
            TrendScore trend = item.trend();
            out.writeBoolean(trend != null);
            if (trend != null) {
                out.writeLong(trend.scoreMillis());
                out.writeLong(trend.viewsLast15m());
                out.writeLong(trend.expectedMillis());
            }
        }
    }

    static PartitionCandidates decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return read(
                    in,
                    layout(in.readByte(), VERSION, VERSION_WITHOUT_TRENDS, VERSION_WITHOUT_SUMMARIES, "candidates"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PartitionCandidates read(DataInputStream in, Layout layout) throws IOException {
        int partition = in.readInt();
        Instant asOf = Instant.ofEpochMilli(in.readLong());
        Instant lastViewAt = Instant.ofEpochMilli(in.readLong());
        long oldestArrival = in.readLong();
        int size = in.readShort();
        List<Candidate> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String articleId = in.readUTF();
            String title = TallyCodec.readNullable(in);
            String url = TallyCodec.readNullable(in);
            String section = TallyCodec.readNullable(in);
            String summary = layout.summaries() ? TallyCodec.readNullable(in) : null;
            String imageUrl = TallyCodec.readNullable(in);
            long publishedAt = in.readLong();
            long views = in.readLong();
            long visitors = in.readLong();
            TrendScore trend = layout.trends() && in.readBoolean()
                    ? new TrendScore(in.readLong(), in.readLong(), in.readLong())
                    : null;
            items.add(new Candidate(
                    articleId,
                    title,
                    url,
                    section,
                    summary,
                    imageUrl,
                    publishedAt == Long.MIN_VALUE ? null : Instant.ofEpochMilli(publishedAt),
                    views,
                    visitors < 0 ? null : visitors,
                    trend));
        }
        return new PartitionCandidates(partition, asOf, lastViewAt, List.copyOf(items), oldestArrival);
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
