package dev.mostread.ranker.ranking;

import java.util.Arrays;

/**
 * One article's views in the buckets of one period: sparse, sorted by bucket start, with a running total.
 * A view costs one increment (usually of the newest bucket); a bucket leaving the period costs one
 * subtraction, however long the period is.
 */
public final class BucketCounts {

    private static final long[] NO_STARTS = new long[0];
    private static final int[] NO_COUNTS = new int[0];

    private long[] starts = NO_STARTS;
    private int[] counts = NO_COUNTS;
    private int size;
    private long total;

    public void add(long bucketStart, int views) {
        total += views;
        if (size > 0 && starts[size - 1] == bucketStart) {
            counts[size - 1] += views;
            return;
        }
        int index = Arrays.binarySearch(starts, 0, size, bucketStart);
        if (index >= 0) {
            counts[index] += views;
            return;
        }
        int insertAt = -index - 1;
        if (size == starts.length) {
            int capacity = Math.max(4, size * 2);
            starts = Arrays.copyOf(starts, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        System.arraycopy(starts, insertAt, starts, insertAt + 1, size - insertAt);
        System.arraycopy(counts, insertAt, counts, insertAt + 1, size - insertAt);
        starts[insertAt] = bucketStart;
        counts[insertAt] = views;
        size++;
    }

    /** Drops every bucket that starts before {@code windowStart}; true if the total changed. */
    public boolean expireBefore(long windowStart) {
        int expired = 0;
        long removed = 0;
        while (expired < size && starts[expired] < windowStart) {
            removed += counts[expired];
            expired++;
        }
        if (expired == 0) {
            return false;
        }
        System.arraycopy(starts, expired, starts, 0, size - expired);
        System.arraycopy(counts, expired, counts, 0, size - expired);
        size -= expired;
        total -= removed;
        return removed != 0;
    }

    public long total() {
        return total;
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
}
