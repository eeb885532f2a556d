package dev.mostread.ranker.stream;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Builds a {@link TallyStore} over a changelogged RocksDB store; caching stays off, the tally store is the cache. */
final class TallyStoreBuilder implements StoreBuilder<TallyStore> {

    private final StoreBuilder<KeyValueStore<Bytes, byte[]>> inner;

    TallyStoreBuilder(String name) {
        this.inner = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingDisabled();
    }

    @Override
    public StoreBuilder<TallyStore> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<TallyStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<TallyStore> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<TallyStore> withLoggingDisabled() {
        inner.withLoggingDisabled();
        return this;
    }

    @Override
    public TallyStore build() {
        return new TallyStore(inner.build());
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
