package dev.mostread.shared.ranking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The periods a list covers. The rolling ones end now and are built from fixed time buckets: the current
 * (partial) bucket plus the {@code bucketCount - 1} whole buckets before it, so their edge is exact to one
 * bucket (1 min for 1h, 15 min for 24h, 1 h for 7d, 6 h for 30d). {@link #TODAY} runs from local midnight in
 * the site's time zone; {@link #YESTERDAY} is the whole local day before it, complete at midnight.
 *
 * <p>The order of the constants is part of the ranker's changelog format (a period is stored by its ordinal):
 * new periods go at the end.
 */
public enum Period {
    LAST_HOUR("1h", Duration.ofMinutes(1), 60),
    LAST_DAY("24h", Duration.ofMinutes(15), 96),
    LAST_WEEK("7d", Duration.ofHours(1), 168),
    TODAY("today", Duration.ZERO, 0),
    LAST_MONTH("30d", Duration.ofHours(6), 120),
    YESTERDAY("yesterday", Duration.ZERO, 0);

    /** The periods built from buckets, in order of length. */
    public static final List<Period> ROLLING = List.of(LAST_HOUR, LAST_DAY, LAST_WEEK, LAST_MONTH);

    /** Every period's code, in the order the API documents them. */
    public static final List<String> CODES = List.of("1h", "24h", "7d", "30d", "today", "yesterday");

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
        return bucketCount > 0;
    }

    /** This period's place in {@link #ROLLING} (rolling periods only). */
    public int rollingIndex() {
        requireRolling();
        return this == LAST_MONTH ? 3 : ordinal();
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
        if (isRolling()) {
            return windowStart(nowMillis);
        }
        long today = startOfDay(nowMillis, zone);
        return this == TODAY ? today : startOfDay(today - 1, zone);
    }

    /** The instant this period ends at {@code nowMillis}: now, except for yesterday, which ended at local midnight. */
    public long windowEnd(long nowMillis, ZoneId zone) {
        return this == YESTERDAY ? startOfDay(nowMillis, zone) : nowMillis;
    }

    /** Local midnight of the day that holds {@code nowMillis} in {@code zone}, as epoch milliseconds. */
    public static long startOfDay(long nowMillis, ZoneId zone) {
        return Instant.ofEpochMilli(nowMillis)
                .atZone(zone)
                .toLocalDate()
                .atStartOfDay(zone)
                .toInstant()
                .toEpochMilli();
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
