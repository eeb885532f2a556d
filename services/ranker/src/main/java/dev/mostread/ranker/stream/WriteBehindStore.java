package dev.mostread.ranker.stream;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A store whose state lives in memory as objects and is written to a changelogged key-value store only when
 * Kafka Streams flushes caches, right before it commits (it is a {@link CachedStateStore} for exactly that
 * hook). With exactly-once, those writes land in the same transaction as the consumed offsets. Subclasses say
 * what to write ({@link #flushCache()}) and what to forget when a task closes without committing
 * ({@link #clearCache()}); everything else goes to the inner store.
 */
abstract class WriteBehindStore implements StateStore, CachedStateStore<Bytes, byte[]> {

    protected final KeyValueStore<Bytes, byte[]> inner;

    protected WriteBehindStore(KeyValueStore<Bytes, byte[]> inner) {
        this.inner = inner;
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
