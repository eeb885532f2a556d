package dev.mostread.ranker.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

import dev.mostread.ranker.ranking.ArticleCounts;
import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.VisitorSketch;
import dev.mostread.shared.ranking.Period;

/**
 * The article tallies of one partition, live as Java objects, written behind to a changelogged key-value
 * store once per commit.
 *
 * <p>Why not a plain store: a built-in store serialises the value on every {@code put}, even with its cache,
 * and the cache is what limits a counting topology. Here a view changes an object in memory, and only the
 * articles that changed since the last commit are encoded, when Kafka Streams flushes caches right before it
 * commits (this class is a {@link CachedStateStore} for exactly that hook). With exactly-once, the changelog
 * writes therefore land in the same transaction as the consumed offsets: a crash loses nothing and counts
 * nothing twice. After a restore, {@link #load()} rebuilds the objects from the inner store.
 */
public final class TallyStore implements StateStore, CachedStateStore<Bytes, byte[]> {

    private final KeyValueStore<Bytes, byte[]> inner;
    private final TallyCodec codec = new TallyCodec();
    private final Map<String, ArticleTally> tallies = new HashMap<>();
    /** Changed since the last flush: the tally to write, or the removed one whose records must go. */
    private final Map<String, ArticleTally> dirty = new LinkedHashMap<>();
    private final Map<String, ArticleTally> removed = new HashMap<>();

    TallyStore(KeyValueStore<Bytes, byte[]> inner) {
        this.inner = inner;
    }

    /** Replaces what is in memory with what the inner store holds: call it when processing (re)starts. */
    public void load() {
        tallies.clear();
        dirty.clear();
        removed.clear();
        List<KeyValue<TallyCodec.SketchKey, byte[]>> sketches = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> entry = all.next();
                TallyCodec.SketchKey sketchKey = TallyCodec.parseSketchKey(entry.key.get());
                if (sketchKey == null) {
                    ArticleTally tally = codec.decode(entry.value);
                    tallies.put(tally.key(), tally);
                } else {
                    sketches.add(KeyValue.pair(sketchKey, entry.value));
                }
            }
        }
        for (KeyValue<TallyCodec.SketchKey, byte[]> sketch : sketches) {
            ArticleTally tally = tallies.get(sketch.key.articleKey());
            if (tally != null) {
                restore(tally.counts(), sketch.key, VisitorSketch.fromBytes(sketch.value));
            }
        }
    }

    private static void restore(ArticleCounts counts, TallyCodec.SketchKey key, VisitorSketch sketch) {
        if (key.period() == Period.TODAY) {
            counts.today().restoreSketch(key.bucketStart(), sketch);
        } else {
            counts.buckets(key.period()).restoreSketch(key.bucketStart(), sketch);
        }
    }

    public ArticleTally get(String key) {
        return tallies.get(key);
    }

    /** Keeps {@code tally} and marks it to be written at the next commit. */
    public void put(ArticleTally tally) {
        tallies.put(tally.key(), tally);
        dirty.put(tally.key(), tally);
        removed.remove(tally.key());
    }

    public void remove(String key) {
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
        if (dirty.isEmpty()) {
            return;
        }
        for (Map.Entry<String, ArticleTally> entry : dirty.entrySet()) {
            String key = entry.getKey();
            ArticleTally tally = entry.getValue();
            boolean gone = removed.containsKey(key);
            ArticleCounts counts = tally.counts();
            counts.drainSketchChanges(new ArticleCounts.SketchChanges() {
                @Override
                public void changed(Period period, long bucketStart) {
                    if (!gone) {
                        VisitorSketch sketch = period == Period.TODAY ? counts.today().sketch()
                                : counts.buckets(period).sketch(bucketStart);
                        if (sketch != null) {
                            inner.put(Bytes.wrap(TallyCodec.sketchKey(key, period, bucketStart)),
                                    sketch.toBytes());
                        }
                    }
                }

                @Override
                public void dropped(Period period, long bucketStart) {
                    inner.delete(Bytes.wrap(TallyCodec.sketchKey(key, period, bucketStart)));
                }
            });
            if (gone) {
                inner.delete(Bytes.wrap(TallyCodec.headKey(key)));
            } else {
                inner.put(Bytes.wrap(TallyCodec.headKey(key)), codec.encode(tally));
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
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        inner.init(context, root);
    }

    @Override
    public void flush() {
        flushCache();
        inner.flush();
    }

    @Override
    public void close() {
        clearCache();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }
}
