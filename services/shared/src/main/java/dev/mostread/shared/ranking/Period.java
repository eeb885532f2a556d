package dev.mostread.shared.ranking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The periods a list covers. The rolling ones end now and are built from fixed time buckets: the current
 * (partial) bucket plus the {@code bucketCount - 1} whole buckets before it, so their edge is exact to one
 * bucket (1 min for 1h, 15 min for 24h, 1 h for 7d). {@link #TODAY} runs from local midnight in the
 * site's time zone.
 */
public enum Period {
    LAST_HOUR("1h", Duration.ofMinutes(1), 60),
    LAST_DAY("24h", Duration.ofMinutes(15), 96),
    LAST_WEEK("7d", Duration.ofHours(1), 168),
    TODAY("today", Duration.ZERO, 0);

    /** The periods built from buckets, in order of length. */
    public static final List<Period> ROLLING = List.of(LAST_HOUR, LAST_DAY, LAST_WEEK);

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

    public boolean isRolling() {
        return this != TODAY;
    }

    public long bucketMillis() {
        return bucketMillis;
    }

    public int bucketCount() {
        return bucketCount;
    }

    /** Start of the bucket that holds {@code epochMillis} (rolling periods only). */
    public long bucketStart(long epochMillis) {
        requireRolling();
        return Math.floorDiv(epochMillis, bucketMillis) * bucketMillis;
    }

    /** The first instant inside the rolling period that ends at {@code nowMillis}. */
    public long windowStart(long nowMillis) {
        requireRolling();
        return bucketStart(nowMillis) - (bucketCount - 1) * bucketMillis;
    }

    /** The first instant inside this period at {@code nowMillis} for a site in {@code zone}. */
    public long windowStart(long nowMillis, ZoneId zone) {
        return isRolling() ? windowStart(nowMillis) : startOfDay(nowMillis, zone);
    }

    /** Local midnight of the day that holds {@code nowMillis} in {@code zone}, as epoch milliseconds. */
    public static long startOfDay(long nowMillis, ZoneId zone) {
        return Instant.ofEpochMilli(nowMillis).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private void requireRolling() {
        if (!isRolling()) {
            throw new UnsupportedOperationException(code + " is not built from buckets");
        }
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
