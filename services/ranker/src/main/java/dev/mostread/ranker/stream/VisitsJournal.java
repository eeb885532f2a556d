package dev.mostread.ranker.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The visits reload de-duplication remembers, kept as a journal beside the tallies in their store: the visits
 * counted between two commits are written as one record ({@code \u0001visits\u0000{seq}}), and a batch whose newest
 * visit has left the de-duplication horizon is deleted. One write per commit instead of one per counted view.
 */
final class VisitsJournal {

    /** A counted view of an article by a visitor, as reload de-duplication remembers it. */
    record Visit(String key, long eventTime) {}

    /** One journal record: its sequence number and the event time of its newest visit. */
    private record Batch(long sequence, long newest) {}

    /** A batch is closed before it would pass this size, so a busy commit writes several, none too large. */
    static final int MAX_BATCH_BYTES = 256 * 1024;

    private final List<Visit> pending = new ArrayList<>();
    private final ArrayDeque<Batch> batches = new ArrayDeque<>();
    private final List<Visit> loaded = new ArrayList<>();
    private final List<Batch> loading = new ArrayList<>();
    private long nextSequence;
    private long forgetBefore = Long.MIN_VALUE;

    /** Forgets everything held in memory: before a load, or when the task closes without a commit. */
    void clear() {
        pending.clear();
        batches.clear();
        loaded.clear();
        loading.clear();
        nextSequence = 0;
    }

    /** During a load: takes {@code value} if {@code key} is a journal record's, and says whether it was. */
    boolean load(byte[] key, byte[] value) {
        long sequence = TallyCodec.parseVisitBatchKey(key);
        if (sequence < 0) {
            return false;
        }
        loading.add(new Batch(sequence, TallyCodec.decodeVisits(value, (k, time) -> loaded.add(new Visit(k, time)))));
        nextSequence = Math.max(nextSequence, sequence + 1);
        return true;
    }

    /** Ends a load: the batches in the order they were written. */
    void loaded() {
        loading.sort(Comparator.comparingLong(Batch::sequence));
        batches.addAll(loading);
        loading.clear();
    }

    /** The visits the journal held at the last load, for the de-duplication to start from. */
    List<Visit> loadedVisits() {
        return loaded;
    }

    /** Journals a counted visit; it is written with the next commit. */
    void visit(String key, long eventTime) {
        pending.add(new Visit(key, eventTime));
    }

    /** Batches whose newest visit is older than {@code time} are deleted at the next commit. */
    void forgetBefore(long time) {
        forgetBefore = Math.max(forgetBefore, time);
    }

    /** Writes the visits counted since the last flush and deletes the batches that aged out. */
    void flush(KeyValueStore<Bytes, byte[]> store) {
        int from = 0;
        int bytes = 0;
        for (int i = 0; i < pending.size(); i++) {
            int visitBytes = 2 + 3 * pending.get(i).key().length() + Long.BYTES;
            if (i > from && bytes + visitBytes > MAX_BATCH_BYTES) {
                write(store, pending.subList(from, i));
                from = i;
                bytes = 0;
            }
            bytes += visitBytes;
        }
        if (from < pending.size()) {
            write(store, pending.subList(from, pending.size()));
        }
        pending.clear();
        batches.removeIf(batch -> {
            if (batch.newest() < forgetBefore) {
                store.delete(Bytes.wrap(TallyCodec.visitBatchKey(batch.sequence())));
                return true;
            }
            return false;
        });
    }

    private void write(KeyValueStore<Bytes, byte[]> store, List<Visit> visits) {
        long newest = Long.MIN_VALUE;
        for (Visit visit : visits) {
            newest = Math.max(newest, visit.eventTime());
        }
        store.put(Bytes.wrap(TallyCodec.visitBatchKey(nextSequence)), TallyCodec.encodeVisits(visits, newest));
        batches.add(new Batch(nextSequence, newest));
        nextSequence++;
    }
}
