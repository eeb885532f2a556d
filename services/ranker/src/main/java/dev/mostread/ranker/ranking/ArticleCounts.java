package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.Period;

/**
 * One article's views in every period. A view costs one bucket increment per period (three in all),
 * whatever the periods' lengths.
 */
public final class ArticleCounts {

    private static final Period[] PERIODS = Period.values();

    private final BucketCounts[] byPeriod = new BucketCounts[PERIODS.length];

    public ArticleCounts() {
        for (int i = 0; i < byPeriod.length; i++) {
            byPeriod[i] = new BucketCounts();
        }
    }

    /**
     * Counts one view that happened at {@code eventTime} in every period that still holds that time at
     * {@code now}. A view stamped slightly ahead of {@code now} (clock skew) counts as happening now.
     *
     * @return true if the view counted in at least one period
     */
    public boolean record(long eventTime, long now) {
        long time = Math.min(eventTime, now);
        boolean counted = false;
        for (Period period : PERIODS) {
            if (time >= period.windowStart(now)) {
                byPeriod[period.ordinal()].add(period.bucketStart(time), 1);
                counted = true;
            }
        }
        return counted;
    }

    /** Drops the buckets that have left their period at {@code now}; true if any total changed. */
    public boolean expire(long now) {
        boolean changed = false;
        for (Period period : PERIODS) {
            changed |= byPeriod[period.ordinal()].expireBefore(period.windowStart(now));
        }
        return changed;
    }

    public long views(Period period) {
        return byPeriod[period.ordinal()].total();
    }

    public BucketCounts buckets(Period period) {
        return byPeriod[period.ordinal()];
    }

    /** True when no period holds a view any more: the article can be forgotten. */
    public boolean isEmpty() {
        for (BucketCounts counts : byPeriod) {
            if (counts.total() != 0) {
                return false;
            }
        }
        return true;
    }
}
