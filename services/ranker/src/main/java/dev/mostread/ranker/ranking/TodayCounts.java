package dev.mostread.ranker.ranking;

import java.util.function.LongConsumer;

/**
 * One article's views and visitors since local midnight, and over the whole local day before. Today's counter
 * starts again at zero when the site's day changes, whether a view or the wall clock notices first; what it
 * held becomes yesterday's, complete at midnight. A late view stamped yesterday still counts for yesterday, so
 * yesterday's list moves after midnight only by views that arrive late.
 */
public final class TodayCounts {

    /** Two local midnights in a row are 23 to 25 hours apart (daylight saving); two days apart, 47 or more. */
    private static final long LONGEST_DAY = 26 * 3_600_000L;

    private long dayStart = Long.MIN_VALUE;
    private long views;
    private VisitorSketch visitors;
    private boolean sketchChanged;
    private long droppedDay = Long.MIN_VALUE;

    private long yesterdayStart = Long.MIN_VALUE;
    private long yesterdayViews;
    private VisitorSketch yesterdayVisitors;
    private boolean yesterdaySketchChanged;
    private long droppedYesterday = Long.MIN_VALUE;

    public TodayCounts() {}

    public TodayCounts(long dayStart, long views) {
        this(dayStart, views, Long.MIN_VALUE, 0);
    }

    public TodayCounts(long dayStart, long views, long yesterdayStart, long yesterdayViews) {
        this.dayStart = dayStart;
        this.views = views;
        this.yesterdayStart = yesterdayStart;
        this.yesterdayViews = yesterdayViews;
    }

    /**
     * Counts a view at {@code time} if it belongs to the day starting at {@code currentDayStart} or to the day
     * before it, which started at {@code previousDayStart}.
     */
    public boolean record(long time, long currentDayStart, long previousDayStart) {
        return day(time, currentDayStart, previousDayStart) != 0;
    }

    /** As {@link #record(long, long, long)}, for a view by a known visitor. */
    public boolean recordVisit(long time, long currentDayStart, long previousDayStart, long visitorHash) {
        int day = day(time, currentDayStart, previousDayStart);
        if (day > 0) {
            if (visitors == null) {
                visitors = new VisitorSketch();
            }
            visitors.add(visitorHash);
            sketchChanged = true;
        } else if (day < 0) {
            if (yesterdayVisitors == null) {
                yesterdayVisitors = new VisitorSketch();
            }
            yesterdayVisitors.add(visitorHash);
            yesterdaySketchChanged = true;
        }
        return day != 0;
    }

    /** Counts the view and says where: 1 today, -1 yesterday, 0 neither. */
    private int day(long time, long currentDayStart, long previousDayStart) {
        rollOver(currentDayStart);
        if (time >= currentDayStart) {
            views++;
            return 1;
        }
        if (time < previousDayStart || previousDayStart >= currentDayStart) {
            return 0;
        }
        if (yesterdayStart != previousDayStart) {
            // yesterday had no view before midnight: this late one opens it
            dropYesterday();
            yesterdayStart = previousDayStart;
            yesterdayViews = 0;
        }
        yesterdayViews++;
        return -1;
    }

    /**
     * Starts the day again when {@code currentDayStart} is a new day; today's counts become yesterday's if the
     * day they hold is the one just ended. True if either day's views changed.
     */
    public boolean rollOver(long currentDayStart) {
        if (currentDayStart == dayStart) {
            return false;
        }
        boolean changed = views != 0 || yesterdayViews != 0;
        dropYesterday();
        boolean consecutive =
                dayStart != Long.MIN_VALUE && currentDayStart > dayStart && currentDayStart - dayStart <= LONGEST_DAY;
        if (consecutive) {
            yesterdayStart = dayStart;
            yesterdayViews = views;
            yesterdayVisitors = visitors;
            yesterdaySketchChanged = visitors != null;
            changed = true;
        } else {
            yesterdayStart = Long.MIN_VALUE;
            yesterdayViews = 0;
        }
        if (visitors != null) {
            droppedDay = dayStart;
            visitors = null;
            sketchChanged = false;
        }
        dayStart = currentDayStart;
        views = 0;
        return changed;
    }

    private void dropYesterday() {
        if (yesterdayVisitors != null) {
            droppedYesterday = yesterdayStart;
            yesterdayVisitors = null;
            yesterdaySketchChanged = false;
        }
    }

    public void restoreSketch(long day, VisitorSketch sketch) {
        if (day == dayStart) {
            visitors = sketch;
        }
    }

    public void restoreYesterdaySketch(long day, VisitorSketch sketch) {
        if (day == yesterdayStart) {
            yesterdayVisitors = sketch;
        }
    }

    public long dayStart() {
        return dayStart;
    }

    public long views() {
        return views;
    }

    public long visitors() {
        return VisitorSketch.count(visitors);
    }

    public VisitorSketch sketch() {
        return visitors;
    }

    /** Local midnight that started yesterday, or {@link Long#MIN_VALUE} while no view of it is known. */
    public long yesterdayStart() {
        return yesterdayStart;
    }

    public long yesterdayViews() {
        return yesterdayViews;
    }

    public long yesterdayVisitors() {
        return VisitorSketch.count(yesterdayVisitors);
    }

    public VisitorSketch yesterdaySketch() {
        return yesterdayVisitors;
    }

    /** Hands over whether the day's sketch changed, and a previous day whose sketch went away. */
    public void drainSketchChanges(LongConsumer changed, LongConsumer dropped) {
        if (droppedDay != Long.MIN_VALUE) {
            dropped.accept(droppedDay);
            droppedDay = Long.MIN_VALUE;
        }
        if (sketchChanged) {
            changed.accept(dayStart);
            sketchChanged = false;
        }
    }

    /** As {@link #drainSketchChanges}, for yesterday's sketch. */
    public void drainYesterdaySketchChanges(LongConsumer changed, LongConsumer dropped) {
        if (droppedYesterday != Long.MIN_VALUE) {
            dropped.accept(droppedYesterday);
            droppedYesterday = Long.MIN_VALUE;
        }
        if (yesterdaySketchChanged) {
            changed.accept(yesterdayStart);
            yesterdaySketchChanged = false;
        }
    }
}
