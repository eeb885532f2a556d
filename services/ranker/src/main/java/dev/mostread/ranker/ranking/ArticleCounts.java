package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.Period;

/**
 * One article's views and visitors in every period. A view costs one bucket increment per rolling period
 * and one for today or yesterday (five in all), whatever the periods' lengths.
 */
public final class ArticleCounts {

    private final BucketCounts[] rolling = new BucketCounts[Period.ROLLING.size()];
    private final TodayCounts today;

    public ArticleCounts() {
        this(new TodayCounts());
    }

    public ArticleCounts(TodayCounts today) {
        for (int i = 0; i < rolling.length; i++) {
            rolling[i] = new BucketCounts();
        }
        this.today = today;
    }

    /**
     * As {@link #record(long, long, long, long, String)} for a site whose days are all 24 hours long (UTC):
     * yesterday started a day before {@code dayStart}.
     */
    public boolean record(long eventTime, long now, long dayStart, String visitorId) {
        return record(eventTime, now, dayStart, dayStart - 86_400_000L, visitorId);
    }

    /**
     * Counts one view that happened at {@code eventTime} in every period that still holds that time at
     * {@code now}. A view stamped slightly ahead of {@code now} (clock skew) counts as happening now.
     *
     * @param dayStart local midnight of the site's current day
     * @param yesterdayStart local midnight of the day before it
     * @param visitorId who viewed, or null when unknown
     * @return true if the view counted in at least one period
     */
    public boolean record(long eventTime, long now, long dayStart, long yesterdayStart, String visitorId) {
        long time = Math.min(eventTime, now);
        long visitorHash = visitorId == null ? 0 : VisitorSketch.hash(visitorId);
        boolean counted = false;
        for (Period period : Period.ROLLING) {
            if (time >= period.windowStart(now)) {
                BucketCounts buckets = rolling[period.rollingIndex()];
                if (visitorId == null) {
                    buckets.add(period.bucketStart(time), 1);
                } else {
                    buckets.addVisit(period.bucketStart(time), visitorHash);
                }
                counted = true;
            }
        }
        boolean today = visitorId == null
                ? this.today.record(time, dayStart, yesterdayStart)
                : this.today.recordVisit(time, dayStart, yesterdayStart, visitorHash);
        return today | counted;
    }

    /** Drops the buckets that have left their periods at {@code now}; true if any total changed. */
    public boolean expire(long now, long dayStart) {
        boolean changed = today.rollOver(dayStart);
        for (Period period : Period.ROLLING) {
            changed |= rolling[period.rollingIndex()].expireBefore(period.windowStart(now));
        }
        return changed;
    }

    public long views(Period period) {
        if (period.isRolling()) {
            return rolling[period.rollingIndex()].total();
        }
        return period == Period.TODAY ? today.views() : today.yesterdayViews();
    }

    public long visitors(Period period) {
        if (period.isRolling()) {
            return rolling[period.rollingIndex()].visitors();
        }
        return period == Period.TODAY ? today.visitors() : today.yesterdayVisitors();
    }

    public BucketCounts buckets(Period period) {
        return rolling[period.rollingIndex()];
    }

    /** The sketch of one bucket (today's and yesterday's: their day), or null. */
    public VisitorSketch sketch(Period period, long bucketStart) {
        if (period.isRolling()) {
            return buckets(period).sketch(bucketStart);
        }
        return period == Period.TODAY ? today.sketch() : today.yesterdaySketch();
    }

    public TodayCounts today() {
        return today;
    }

    /**
     * Whether the sketches log what they gain and which go away ({@link SketchLog}). The store turns it on for an
     * article whose sketches have records of their own; for the others it would be work for nothing.
     */
    public void trackSketchChanges(boolean on) {
        for (BucketCounts buckets : rolling) {
            buckets.trackSketchChanges(on);
        }
        today.trackSketchChanges(on);
    }

    /** Every sketch's log of what it gained since it was last written whole; today's under {@link Period#TODAY}. */
    public void forEachSketchLog(SketchLogs logs) {
        for (Period period : Period.ROLLING) {
            rolling[period.rollingIndex()].forEachLog((start, log) -> logs.log(period, start, log));
        }
        if (today.log() != null) {
            logs.log(Period.TODAY, today.dayStart(), today.log());
        }
        if (today.yesterdayLog() != null) {
            logs.log(Period.YESTERDAY, today.yesterdayStart(), today.yesterdayLog());
        }
    }

    /** The sketch was written whole: its log starts again. */
    public void writtenWhole(Period period, long bucketStart) {
        if (period == Period.TODAY) {
            today.writtenWhole(bucketStart);
        } else if (period == Period.YESTERDAY) {
            today.yesterdayWrittenWhole(bucketStart);
        } else {
            rolling[period.rollingIndex()].writtenWhole(bucketStart);
        }
    }

    /** Hands over the sketches that went away since this last ran (while tracked), and forgets them. */
    public void drainDroppedSketches(SketchDrops drops) {
        for (Period period : Period.ROLLING) {
            rolling[period.rollingIndex()].drainDropped(start -> drops.dropped(period, start));
        }
        today.drainDropped(day -> drops.dropped(Period.TODAY, day), day -> drops.dropped(Period.YESTERDAY, day));
    }

    /** Replays a loaded {@link SketchLog} on its sketch (after the sketches' own records are restored). */
    public void restoreTokens(Period period, long bucketStart, SketchLog tokens) {
        if (period.isRolling()) {
            rolling[period.rollingIndex()].restoreTokens(bucketStart, tokens);
        } else {
            today.restoreTokens(bucketStart, tokens);
        }
    }

    /** Every sketch these counts hold, per period and bucket; today's under {@link Period#TODAY} and its day. */
    public void forEachSketch(SketchVisitor visitor) {
        for (Period period : Period.ROLLING) {
            BucketCounts buckets = rolling[period.rollingIndex()];
            for (int i = 0; i < buckets.size(); i++) {
                VisitorSketch sketch = buckets.sketch(buckets.startAt(i));
                if (sketch != null) {
                    visitor.sketch(period, buckets.startAt(i), sketch);
                }
            }
        }
        if (today.sketch() != null) {
            visitor.sketch(Period.TODAY, today.dayStart(), today.sketch());
        }
        if (today.yesterdaySketch() != null) {
            visitor.sketch(Period.YESTERDAY, today.yesterdayStart(), today.yesterdaySketch());
        }
    }

    /** Puts a stored sketch back in its bucket (today's under {@link Period#TODAY}). */
    public void restoreSketch(Period period, long bucketStart, VisitorSketch sketch) {
        if (period == Period.TODAY) {
            today.restoreSketch(bucketStart, sketch);
        } else if (period == Period.YESTERDAY) {
            today.restoreYesterdaySketch(bucketStart, sketch);
        } else {
            rolling[period.rollingIndex()].restoreSketch(bucketStart, sketch);
        }
    }

    /** Receives one sketch. */
    public interface SketchVisitor {
        void sketch(Period period, long bucketStart, VisitorSketch sketch);
    }

    /** Receives one sketch's log. */
    public interface SketchLogs {
        void log(Period period, long bucketStart, SketchLog log);
    }

    /** Receives a sketch that went away. */
    public interface SketchDrops {
        void dropped(Period period, long bucketStart);
    }

    /** True when no period holds a view any more: the counts can be forgotten. */
    public boolean isEmpty() {
        for (BucketCounts counts : rolling) {
            if (counts.total() != 0) {
                return false;
            }
        }
        return today.views() == 0 && today.yesterdayViews() == 0;
    }
}
