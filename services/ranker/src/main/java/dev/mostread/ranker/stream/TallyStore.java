package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.ArticleCounts;
import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.VisitorSketch;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.ranking.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The article tallies of one partition, live as Java objects, written behind to a changelogged key-value
 * store once per commit.
 *
 * <p>Why not a plain store: a built-in store serialises the value on every {@code put}, even with its cache,
 * and the cache is what limits a counting topology. Here a view changes an object in memory, and only the
 * articles that changed since the last commit are encoded, when Kafka Streams flushes caches right before it
 * commits (a {@link WriteBehindStore}). With exactly-once, the changelog
 * writes therefore land in the same transaction as the consumed offsets: a crash loses nothing and counts
 * nothing twice. After a restore, {@link #load()} rebuilds the objects from the inner store.
 *
 * <p>The visits that reload de-duplication remembers live in the same store, as a {@link VisitsJournal}.
 */
public final class TallyStore extends WriteBehindStore {

    private final TallyCodec codec = new TallyCodec();
    private final Map<ArticleKey, ArticleTally> tallies = new HashMap<>();
    /** Changed since the last flush: the tally to write, or the removed one whose records must go. */
    private final Map<ArticleKey, ArticleTally> dirty = new LinkedHashMap<>();

    private final Map<ArticleKey, ArticleTally> removed = new HashMap<>();
    /** Articles whose sketches have records of their own (busy ones); the others' travel inside their record. */
    private final Set<ArticleKey> spilled = new HashSet<>();

    private final VisitsJournal visits = new VisitsJournal();

    /** Sketch tokens an article may hold in all and still carry its sketches inside its own record. */
    static final int INLINE_WEIGHT = 64;

    TallyStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    /** Replaces what is in memory with what the inner store holds: call it when processing (re)starts. */
    public void load() {
        tallies.clear();
        dirty.clear();
        removed.clear();
        spilled.clear();
        visits.clear();
        List<KeyValue<TallyCodec.SketchKey, byte[]>> sketches = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> entry = all.next();
                if (visits.load(entry.key.get(), entry.value)) {
                    continue;
                }
                if (!TallyCodec.isSketchKey(entry.key.get())) {
                    ArticleTally tally = codec.decode(entry.value);
                    tallies.put(tally.key(), tally);
                    continue;
                }
                TallyCodec.SketchKey sketchKey = TallyCodec.parseSketchKey(entry.key.get());
                if (sketchKey != null) {
                    sketches.add(KeyValue.pair(sketchKey, entry.value));
                }
            }
        }
        visits.loaded();
        for (KeyValue<TallyCodec.SketchKey, byte[]> sketch : sketches) {
            ArticleTally tally = tallies.get(sketch.key.article());
            if (tally != null) {
                tally.counts()
                        .restoreSketch(
                                sketch.key.period(), sketch.key.bucketStart(), VisitorSketch.fromBytes(sketch.value));
                spilled.add(sketch.key.article());
                tally.counts().trackSketchChanges(true);
            }
        }
    }

    private static int weight(ArticleCounts counts) {
        int[] weight = {0};
        counts.forEachSketch((period, start, sketch) -> weight[0] += sketch.weight());
        return weight[0];
    }

    /** The visits reload de-duplication remembers, journalled in this store. */
    VisitsJournal visits() {
        return visits;
    }

    public ArticleTally get(ArticleKey key) {
        return tallies.get(key);
    }

    /** Keeps {@code tally} and marks it to be written at the next commit. */
    public void put(ArticleTally tally) {
        tallies.put(tally.key(), tally);
        dirty.put(tally.key(), tally);
        removed.remove(tally.key());
    }

    public void remove(ArticleKey key) {
        ArticleTally tally = tallies.remove(key);
        if (tally != null) {
            dirty.put(key, tally);
            removed.put(key, tally);
        }
    }

    public Collection<ArticleTally> all() {
        return tallies.values();
    }

    public int size() {
        return tallies.size();
    }

    @Override
    public void flushCache() {
        visits.flush(inner);
        if (dirty.isEmpty()) {
            return;
        }
        for (Map.Entry<ArticleKey, ArticleTally> entry : dirty.entrySet()) {
            ArticleKey key = entry.getKey();
            ArticleTally tally = entry.getValue();
            boolean gone = removed.containsKey(key);
            ArticleCounts counts = tally.counts();
            boolean inline = !gone && weight(counts) <= INLINE_WEIGHT;
            boolean wasSpilled = gone ? spilled.remove(key) : spilled.contains(key);
            counts.drainSketchChanges(new ArticleCounts.SketchChanges() {
                @Override
                public void changed(Period period, long bucketStart) {
                    if (!gone && !inline && wasSpilled) {
                        VisitorSketch sketch = counts.sketch(period, bucketStart);
                        if (sketch != null) {
                            inner.put(Bytes.wrap(TallyCodec.sketchKey(key, period, bucketStart)), sketch.toBytes());
                        }
                    }
                }

                @Override
                public void dropped(Period period, long bucketStart) {
                    if (wasSpilled) {
                        inner.delete(Bytes.wrap(TallyCodec.sketchKey(key, period, bucketStart)));
                    }
                }
            });
            if (!gone && inline && wasSpilled) {
                // grown quiet again: its sketches move back inside its record
                counts.forEachSketch(
                        (period, start, sketch) -> inner.delete(Bytes.wrap(TallyCodec.sketchKey(key, period, start))));
                spilled.remove(key);
                counts.trackSketchChanges(false);
            } else if (!gone && !inline && !wasSpilled) {
                // grown busy: every sketch gets a record of its own, from now on rewritten only when it changes
                counts.forEachSketch((period, start, sketch) ->
                        inner.put(Bytes.wrap(TallyCodec.sketchKey(key, period, start)), sketch.toBytes()));
                spilled.add(key);
                counts.trackSketchChanges(true);
            }
            if (gone) {
                if (wasSpilled) {
                    // forgotten while busy: its sketches' records go with it
                    counts.forEachSketch((period, start, sketch) ->
                            inner.delete(Bytes.wrap(TallyCodec.sketchKey(key, period, start))));
                }
                inner.delete(Bytes.wrap(TallyCodec.headKey(key)));
            } else {
                inner.put(Bytes.wrap(TallyCodec.headKey(key)), codec.encode(tally, inline));
            }
        }
        dirty.clear();
        removed.clear();
    }

    @Override
    public void clearCache() {
        // The task is being closed without a commit: what was not flushed must not survive.
        tallies.clear();
        dirty.clear();
        removed.clear();
        spilled.clear();
        visits.clear();
    }
}
