package dev.mostread.ranker.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import dev.mostread.ranker.ranking.Candidate;

/**
 * Partitions' candidates in a compact binary form: they cross the {@code list-candidates} topic (as a
 * {@link CandidateBatch} per site and tick) and sit in the publisher's changelog (one list's, per partition)
 * several times a second, where JSON cost most of the ranker's time.
 */
final class CandidatesCodec implements Serde<CandidateBatch> {

    private static final byte VERSION = 3;
    private static final byte VERSION_WITHOUT_SUMMARIES = 1;
    private static final byte BATCH_VERSION = 4;
    private static final byte BATCH_VERSION_WITHOUT_SUMMARIES = 2;

    static byte[] encode(PartitionCandidates candidates) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + candidates.items().size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, candidates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] encode(CandidateBatch batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + batch.lists().size() * 50 * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(BATCH_VERSION);
            out.writeShort(batch.lists().size());
            for (CandidateBatch.ListCandidates list : batch.lists()) {
                out.writeUTF(list.list());
                write(out, list.candidates());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CandidateBatch decodeBatch(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != BATCH_VERSION && version != BATCH_VERSION_WITHOUT_SUMMARIES) {
                throw new IllegalStateException("Unknown candidate batch format version " + version);
            }
            int size = in.readShort();
            List<CandidateBatch.ListCandidates> lists = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                lists.add(new CandidateBatch.ListCandidates(in.readUTF(), read(in, version == BATCH_VERSION)));
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
            out.writeLong(item.publishedAt() == null ? Long.MIN_VALUE : item.publishedAt().toEpochMilli());
            out.writeLong(item.views());
            out.writeLong(item.visitors() == null ? -1 : item.visitors());
        }
    }

    static PartitionCandidates decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_WITHOUT_SUMMARIES) {
                throw new IllegalStateException("Unknown candidates format version " + version);
            }
            return read(in, version == VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PartitionCandidates read(DataInputStream in, boolean summaries) throws IOException {
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
            String summary = summaries ? TallyCodec.readNullable(in) : null;
            String imageUrl = TallyCodec.readNullable(in);
            long publishedAt = in.readLong();
            long views = in.readLong();
            long visitors = in.readLong();
            items.add(new Candidate(articleId, title, url, section, summary, imageUrl,
                    publishedAt == Long.MIN_VALUE ? null : Instant.ofEpochMilli(publishedAt), views,
                    visitors < 0 ? null : visitors));
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
