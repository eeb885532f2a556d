package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.VisitorSketch;
import dev.mostread.shared.article.ArticleKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final SketchRecords sketchRecords;

    private final VisitsJournal visits = new VisitsJournal();

    TallyStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
        sketchRecords = new SketchRecords(inner);
    }

    /** Replaces what is in memory with what the inner store holds: call it when processing (re)starts. */
    public void load() {
        tallies.clear();
        dirty.clear();
        removed.clear();
        sketchRecords.clear();
        visits.clear();
        List<KeyValue<TallyCodec.SketchKey, byte[]>> sketches = new ArrayList<>();
        Map<ArticleKey, List<TallyCodec.LoggedSketch>> logs = new HashMap<>();
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> entry = all.next();
                if (visits.load(entry.key.get(), entry.value)) {
                    continue;
                }
                if (!TallyCodec.isSketchKey(entry.key.get())) {
                    List<TallyCodec.LoggedSketch> logged = new ArrayList<>();
                    ArticleTally tally = codec.decode(
                            entry.value,
                            (period, start, log) -> logged.add(new TallyCodec.LoggedSketch(period, start, log)));
                    tallies.put(tally.key(), tally);
                    if (!logged.isEmpty()) {
                        logs.put(tally.key(), logged);
                    }
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
                sketchRecords.loadedSpilled(tally.key(), tally.counts());
                tally.counts()
                        .restoreSketch(
                                sketch.key.period(), sketch.key.bucketStart(), VisitorSketch.fromBytes(sketch.value));
            }
        }
        // the tokens logged since each sketch's record was written, replayed on it (logged again: still not in it)
        logs.forEach((key, logged) -> {
            ArticleTally tally = tallies.get(key);
            sketchRecords.loadedSpilled(key, tally.counts());
            for (TallyCodec.LoggedSketch log : logged) {
                tally.counts().restoreTokens(log.period(), log.bucketStart(), log.log());
            }
        });
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
            if (removed.containsKey(key)) {
                sketchRecords.forget(key, tally.counts());
                inner.delete(Bytes.wrap(TallyCodec.headKey(key)));
            } else {
                boolean inline = sketchRecords.flush(key, tally.counts());
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
        sketchRecords.clear();
        visits.clear();
    }
}
