package dev.mostread.shared.ranking;

import java.time.Duration;
import java.util.Optional;

/**
 * A rolling period ending now, built from fixed time buckets: the current (partial) bucket plus the
 * {@code bucketCount - 1} whole buckets before it. Its edge is therefore exact to one bucket, as the
 * contract promises (1 min for 1h, 15 min for 24h, 1 h for 7d).
 */
public enum Period {
    LAST_HOUR("1h", Duration.ofMinutes(1), 60),
    LAST_DAY("24h", Duration.ofMinutes(15), 96),
    LAST_WEEK("7d", Duration.ofHours(1), 168);

    private final String code;
    private final long bucketMillis;
    private final int bucketCount;

    Period(String code, Duration bucket, int bucketCount) {
        this.code = code;
        this.bucketMillis = bucket.toMillis();
        this.bucketCount = bucketCount;
    }

    public String code() {
        return code;
    }

    public long bucketMillis() {
        return bucketMillis;
    }

    public int bucketCount() {
        return bucketCount;
    }

    /** Start of the bucket that holds {@code epochMillis}. */
    public long bucketStart(long epochMillis) {
        return Math.floorDiv(epochMillis, bucketMillis) * bucketMillis;
    }

    /** The first instant inside the period that ends at {@code nowMillis}. */
    public long windowStart(long nowMillis) {
        return bucketStart(nowMillis) - (bucketCount - 1) * bucketMillis;
    }

    public static Optional<Period> fromCode(String code) {
        for (Period period : values()) {
            if (period.code.equals(code)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }
}
