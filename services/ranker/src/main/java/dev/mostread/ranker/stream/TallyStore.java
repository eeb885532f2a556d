package dev.mostread.ranker.stream;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

import dev.mostread.ranker.ranking.ArticleTally;

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
    private final Set<String> dirty = new HashSet<>();

    TallyStore(KeyValueStore<Bytes, byte[]> inner) {
        this.inner = inner;
    }

    /** Replaces what is in memory with what the inner store holds: call it when processing (re)starts. */
    public void load() {
        tallies.clear();
        dirty.clear();
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> entry = all.next();
                ArticleTally tally = codec.decode(entry.value);
                tallies.put(tally.key(), tally);
            }
        }
    }

    public ArticleTally get(String key) {
        return tallies.get(key);
    }

    /** Keeps {@code tally} and marks it to be written at the next commit. */
    public void put(ArticleTally tally) {
        tallies.put(tally.key(), tally);
        dirty.add(tally.key());
    }

    public void remove(String key) {
        if (tallies.remove(key) != null) {
            dirty.add(key);
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
        for (String key : dirty) {
            Bytes bytes = Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
            ArticleTally tally = tallies.get(key);
            if (tally == null) {
                inner.delete(bytes);
            } else {
                inner.put(bytes, codec.encode(tally));
            }
        }
        dirty.clear();
    }

    @Override
    public void clearCache() {
        // The task is being closed without a commit: what was not flushed must not survive.
        tallies.clear();
        dirty.clear();
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
        tallies.clear();
        dirty.clear();
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
