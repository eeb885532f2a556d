package dev.mostread.ranker.ranking;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * One article's views in the buckets of one rolling period: sparse, sorted by bucket start, with a running
 * total and, per bucket, a sketch of its visitors. A view costs one increment (usually of the newest bucket)
 * and one sketch update; a bucket leaving the period costs one subtraction, however long the period is.
 * The union of the buckets' sketches is kept up to date as views arrive, and rebuilt only when a bucket
 * with visitors leaves the period.
 */
public final class BucketCounts {

    private static final long[] NO_STARTS = new long[0];
    private static final int[] NO_COUNTS = new int[0];

    private long[] starts = NO_STARTS;
    private int[] counts = NO_COUNTS;
    private VisitorSketch[] sketches;
    private int size;
    private long total;

    private VisitorSketch union;
    private boolean unionStale;

    /**
     * What each bucket's sketch gained since it was last written whole, and the buckets whose sketch went away, kept
     * only while the store asks ({@link #trackSketchChanges}): only a busy article's sketches have records of their
     * own.
     */
    private boolean trackChanges;

    /** The logs, by bucket start: a busy article has one or two (the current bucket's), so a short array. */
    private long[] logStarts;

    private SketchLog[] logs;
    private int logCount;
    private Set<Long> droppedSketches;

    /** Sees one bucket's {@link SketchLog}. */
    public interface LogVisitor {
        void log(long bucketStart, SketchLog log);
    }

    /**
     * Whether to log what sketches gain and which go away, for the store; turning it off forgets what was logged.
     * Off, a visit costs no bookkeeping at all (the store writes such counts' sketches whole).
     */
    public void trackSketchChanges(boolean on) {
        trackChanges = on;
        if (!on) {
            logStarts = null;
            logs = null;
            logCount = 0;
            droppedSketches = null;
        }
    }

    public void add(long bucketStart, int views) {
        int index = indexFor(bucketStart);
        counts[index] += views;
        total += views;
    }

    /** Counts one view by a known visitor ({@link VisitorSketch#hash} of the visitor id). */
    public void addVisit(long bucketStart, long visitorHash) {
        int index = indexFor(bucketStart);
        counts[index]++;
        total++;
        int token = VisitorSketch.token(visitorHash);
        boolean grew = sketchAt(index).addToken(token);
        if (!unionStale && union != null) {
            union.addToken(token);
        } else {
            unionStale = true;
        }
        if (grew && trackChanges) {
            log(bucketStart).add(token);
        }
    }

    private SketchLog log(long bucketStart) {
        for (int i = logCount - 1; i >= 0; i--) {
            if (logStarts[i] == bucketStart) {
                return logs[i];
            }
        }
        if (logs == null) {
            logStarts = new long[2];
            logs = new SketchLog[2];
        } else if (logCount == logs.length) {
            logStarts = Arrays.copyOf(logStarts, logCount * 2);
            logs = Arrays.copyOf(logs, logCount * 2);
        }
        logStarts[logCount] = bucketStart;
        logs[logCount] = new SketchLog();
        return logs[logCount++];
    }

    private void forgetLog(long bucketStart) {
        for (int i = 0; i < logCount; i++) {
            if (logStarts[i] == bucketStart) {
                logCount--;
                System.arraycopy(logStarts, i + 1, logStarts, i, logCount - i);
                System.arraycopy(logs, i + 1, logs, i, logCount - i);
                logs[logCount] = null;
                return;
            }
        }
    }

    /**
     * Replays logged tokens on the bucket's sketch (an empty one if it has none) when state is loaded, and logs them
     * again: they are still not in the bucket's own record. The bucket must exist.
     */
    public void restoreTokens(long bucketStart, SketchLog tokens) {
        int index = Arrays.binarySearch(starts, 0, size, bucketStart);
        if (index < 0) {
            return;
        }
        VisitorSketch sketch = sketchAt(index);
        for (int i = 0; i < tokens.size(); i++) {
            // as addVisit: a token the sketch already held is not logged again
            if (sketch.addToken(tokens.token(i)) && trackChanges) {
                log(bucketStart).add(tokens.token(i));
            }
        }
        unionStale = true;
    }

    private int indexFor(long bucketStart) {
        if (size > 0 && starts[size - 1] == bucketStart) {
            return size - 1;
        }
        int index = Arrays.binarySearch(starts, 0, size, bucketStart);
        if (index >= 0) {
            return index;
        }
        int insertAt = -index - 1;
        if (size == starts.length) {
            int capacity = Math.max(4, size * 2);
            starts = Arrays.copyOf(starts, capacity);
            counts = Arrays.copyOf(counts, capacity);
            if (sketches != null) {
                sketches = Arrays.copyOf(sketches, capacity);
            }
        }
        System.arraycopy(starts, insertAt, starts, insertAt + 1, size - insertAt);
        System.arraycopy(counts, insertAt, counts, insertAt + 1, size - insertAt);
        if (sketches != null) {
            System.arraycopy(sketches, insertAt, sketches, insertAt + 1, size - insertAt);
            sketches[insertAt] = null;
        }
        starts[insertAt] = bucketStart;
        counts[insertAt] = 0;
        size++;
        return insertAt;
    }

    private VisitorSketch sketchAt(int index) {
        if (sketches == null) {
            sketches = new VisitorSketch[starts.length];
        }
        if (sketches[index] == null) {
            sketches[index] = new VisitorSketch();
        }
        return sketches[index];
    }

    /** Attaches a stored sketch to its bucket (when state is loaded); the bucket must exist. */
    public void restoreSketch(long bucketStart, VisitorSketch sketch) {
        int index = Arrays.binarySearch(starts, 0, size, bucketStart);
        if (index >= 0) {
            if (sketches == null) {
                sketches = new VisitorSketch[starts.length];
            }
            sketches[index] = sketch;
            unionStale = true;
        }
    }

    /** Drops every bucket that starts before {@code windowStart}; true if the total changed. */
    public boolean expireBefore(long windowStart) {
        int expired = 0;
        long removed = 0;
        while (expired < size && starts[expired] < windowStart) {
            removed += counts[expired];
            if (sketches != null && sketches[expired] != null) {
                dropped(starts[expired]);
                unionStale = true;
            }
            expired++;
        }
        if (expired == 0) {
            return false;
        }
        System.arraycopy(starts, expired, starts, 0, size - expired);
        System.arraycopy(counts, expired, counts, 0, size - expired);
        if (sketches != null) {
            System.arraycopy(sketches, expired, sketches, 0, size - expired);
            Arrays.fill(sketches, size - expired, size, null);
        }
        size -= expired;
        total -= removed;
        return removed != 0;
    }

    public long total() {
        return total;
    }

    /** Distinct visitors over every bucket still in the period. */
    public long visitors() {
        if (unionStale) {
            union = sketches == null ? null : VisitorSketch.union(sketchList());
            unionStale = false;
        }
        return VisitorSketch.count(union);
    }

    private List<VisitorSketch> sketchList() {
        return new AbstractList<>() {
            @Override
            public VisitorSketch get(int index) {
                return sketches[index];
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    public int size() {
        return size;
    }

    public long startAt(int index) {
        return starts[index];
    }

    public int countAt(int index) {
        return counts[index];
    }

    /** The sketch of the bucket starting at {@code bucketStart}, or null. */
    public VisitorSketch sketch(long bucketStart) {
        int index = Arrays.binarySearch(starts, 0, size, bucketStart);
        return index >= 0 && sketches != null ? sketches[index] : null;
    }

    private void dropped(long bucketStart) {
        if (!trackChanges) {
            return;
        }
        if (droppedSketches == null) {
            droppedSketches = new HashSet<>(4);
        }
        droppedSketches.add(bucketStart);
        forgetLog(bucketStart);
    }

    /** Sees every bucket's log of what its sketch gained since it was last written whole. */
    public void forEachLog(LogVisitor visitor) {
        for (int i = 0; i < logCount; i++) {
            visitor.log(logStarts[i], logs[i]);
        }
    }

    /** The bucket's sketch was written whole: its log starts again. */
    public void writtenWhole(long bucketStart) {
        forgetLog(bucketStart);
    }

    /** Hands over the buckets whose sketch went away since this last ran, and forgets them. */
    public void drainDropped(LongConsumer dropped) {
        if (droppedSketches != null) {
            droppedSketches.forEach(dropped::accept);
            droppedSketches = null;
        }
    }
}
