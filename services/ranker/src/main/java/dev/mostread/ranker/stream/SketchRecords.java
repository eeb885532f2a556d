package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.ArticleCounts;
import dev.mostread.ranker.ranking.SketchLog;
import dev.mostread.ranker.ranking.VisitorSketch;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.ranking.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Where an article's visitor sketches live in the tally store's changelog. While they are small (a quiet article)
 * they travel inside the article's own record. Once they are not (a busy article: "spilled"), each has a record of
 * its own, and between two whole writes of it the tokens it gained ride in the article's record ({@link
 * SketchLog}): a sketch is rewritten whole only when its log grows past {@link #LOG_LIMIT} tokens, not on every
 * commit that adds a visitor to it.
 */
final class SketchRecords {

    /** Sketch tokens an article may hold in all and still carry its sketches inside its own record. */
    static final int INLINE_WEIGHT = 64;
    /** Tokens a sketch's log may hold (4 bytes each, in every write of the article's record) before it is written whole. */
    static final int LOG_LIMIT = 128;

    private final KeyValueStore<Bytes, byte[]> inner;
    private final Set<ArticleKey> spilled = new HashSet<>();

    SketchRecords(KeyValueStore<Bytes, byte[]> inner) {
        this.inner = inner;
    }

    /**
     * Writes what changed of a kept article's sketches, moving them out of its record or back in as it grows busy or
     * quiet; true if its record is to carry them inline.
     */
    boolean flush(ArticleKey key, ArticleCounts counts) {
        boolean inline = weight(counts) <= INLINE_WEIGHT;
        boolean wasSpilled = spilled.contains(key);
        counts.drainDroppedSketches((period, start) -> {
            if (wasSpilled) {
                delete(key, period, start);
            }
        });
        if (wasSpilled && inline) {
            // grown quiet: its sketches move back inside its record
            counts.forEachSketch((period, start, sketch) -> delete(key, period, start));
            spilled.remove(key);
            counts.trackSketchChanges(false);
        } else if (wasSpilled) {
            List<TallyCodec.LoggedSketch> whole = new ArrayList<>();
            counts.forEachSketchLog((period, start, log) -> {
                if (log.writeWhole(LOG_LIMIT)) {
                    whole.add(new TallyCodec.LoggedSketch(period, start, log));
                }
            });
            for (TallyCodec.LoggedSketch logged : whole) {
                VisitorSketch sketch = counts.sketch(logged.period(), logged.bucketStart());
                if (sketch != null) {
                    put(key, logged.period(), logged.bucketStart(), sketch);
                }
                counts.writtenWhole(logged.period(), logged.bucketStart());
            }
        } else if (!inline) {
            // grown busy: every sketch gets a record of its own, from now on logged between whole writes
            counts.forEachSketch((period, start, sketch) -> put(key, period, start, sketch));
            spilled.add(key);
            counts.trackSketchChanges(true);
        }
        return inline;
    }

    /** Deletes the records of a forgotten article's sketches, if they had records of their own. */
    void forget(ArticleKey key, ArticleCounts counts) {
        boolean wasSpilled = spilled.remove(key);
        counts.drainDroppedSketches((period, start) -> {
            if (wasSpilled) {
                delete(key, period, start);
            }
        });
        if (wasSpilled) {
            counts.forEachSketch((period, start, sketch) -> delete(key, period, start));
        }
    }

    /** An article loaded with sketch records or logs of its own: it stays spilled, and logs again. */
    void loadedSpilled(ArticleKey key, ArticleCounts counts) {
        if (spilled.add(key)) {
            counts.trackSketchChanges(true);
        }
    }

    void clear() {
        spilled.clear();
    }

    private void put(ArticleKey key, Period period, long start, VisitorSketch sketch) {
        inner.put(Bytes.wrap(TallyCodec.sketchKey(key, period, start)), sketch.toBytes());
    }

    private void delete(ArticleKey key, Period period, long start) {
        inner.delete(Bytes.wrap(TallyCodec.sketchKey(key, period, start)));
    }

    private static int weight(ArticleCounts counts) {
        int[] weight = {0};
        counts.forEachSketch((period, start, sketch) -> weight[0] += sketch.weight());
        return weight[0];
    }
}
