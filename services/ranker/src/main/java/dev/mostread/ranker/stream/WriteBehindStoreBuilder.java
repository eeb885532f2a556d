package dev.mostread.ranker.stream;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a write-behind store ({@link TallyStore}, {@link ListStore}, {@link TotalsStore}) over a changelogged
 * RocksDB (or in-memory) store; caching
 * stays off, the write-behind store is the cache.
 */
final class WriteBehindStoreBuilder<S extends StateStore> implements StoreBuilder<S> {

    private final StoreBuilder<KeyValueStore<Bytes, byte[]>> inner;
    private final Function<KeyValueStore<Bytes, byte[]>, S> wrap;

    WriteBehindStoreBuilder(String name, Function<KeyValueStore<Bytes, byte[]>, S> wrap) {
        this(Stores.persistentKeyValueStore(name), wrap);
    }

    /** Over any key-value store: an in-memory one for state of a few entries (its changelog still restores it). */
    WriteBehindStoreBuilder(KeyValueBytesStoreSupplier supplier, Function<KeyValueStore<Bytes, byte[]>, S> wrap) {
        this.inner = Stores.keyValueStoreBuilder(supplier, Serdes.Bytes(), Serdes.ByteArray())
                .withCachingDisabled();
        this.wrap = wrap;
    }

    @Override
    public StoreBuilder<S> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<S> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<S> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<S> withLoggingDisabled() {
        inner.withLoggingDisabled();
        return this;
    }

    @Override
    public S build() {
        return wrap.apply(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
