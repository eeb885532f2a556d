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
    /** While the store asks ({@link #trackSketchChanges}): what today's sketch gained since last written whole. */
    private SketchLog log;

    private long droppedDay = Long.MIN_VALUE;

    private long yesterdayStart = Long.MIN_VALUE;
    private long yesterdayViews;
    private VisitorSketch yesterdayVisitors;
    private SketchLog yesterdayLog;
    private long droppedYesterday = Long.MIN_VALUE;
    private boolean trackChanges;

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
        int token = VisitorSketch.token(visitorHash);
        if (day > 0) {
            addToday(token);
        } else if (day < 0) {
            addToYesterday(token);
        }
        return day != 0;
    }

    /** Adds a visitor's token to today's sketch, logging it while tracked if the sketch grew. */
    private void addToday(int token) {
        if (visitors == null) {
            visitors = new VisitorSketch();
        }
        if (visitors.addToken(token) && trackChanges) {
            if (log == null) {
                log = new SketchLog();
            }
            log.add(token);
        }
    }

    private void addToYesterday(int token) {
        if (yesterdayVisitors == null) {
            yesterdayVisitors = new VisitorSketch();
        }
        if (yesterdayVisitors.addToken(token) && trackChanges) {
            if (yesterdayLog == null) {
                yesterdayLog = new SketchLog();
            }
            yesterdayLog.add(token);
        }
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
            // the same sketch under yesterday's record now: written whole there
            yesterdayLog = trackChanges && visitors != null ? SketchLog.wholeSketch() : null;
            changed = true;
        } else {
            yesterdayStart = Long.MIN_VALUE;
            yesterdayViews = 0;
        }
        if (visitors != null) {
            droppedDay = dayStart;
            visitors = null;
            log = null;
        }
        dayStart = currentDayStart;
        views = 0;
        return changed;
    }

    private void dropYesterday() {
        if (yesterdayVisitors != null) {
            droppedYesterday = yesterdayStart;
            yesterdayVisitors = null;
            yesterdayLog = null;
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

    /** Whether to log what the two days' sketches gain, for the store; turning it off forgets the logs. */
    public void trackSketchChanges(boolean on) {
        trackChanges = on;
        if (!on) {
            log = null;
            yesterdayLog = null;
        }
    }

    /** What today's sketch gained since it was last written whole, or null. */
    public SketchLog log() {
        return log;
    }

    /** What yesterday's sketch gained since it was last written whole, or null. */
    public SketchLog yesterdayLog() {
        return yesterdayLog;
    }

    /** Today's sketch was written whole (the day it is for: a later day's log is kept). */
    public void writtenWhole(long day) {
        if (day == dayStart) {
            log = null;
        }
    }

    /** Yesterday's sketch was written whole. */
    public void yesterdayWrittenWhole(long day) {
        if (day == yesterdayStart) {
            yesterdayLog = null;
        }
    }

    /**
     * Replays logged tokens on the sketch of {@code day} (today or yesterday) when state is loaded, and logs them
     * again: the sketch's record is still the one they were logged against.
     */
    public void restoreTokens(long day, SketchLog tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (day == dayStart) {
                addToday(tokens.token(i));
            } else if (day == yesterdayStart) {
                addToYesterday(tokens.token(i));
            }
        }
    }

    /** Hands over a day whose sketch went away (today's, then yesterday's), and forgets it. */
    public void drainDropped(LongConsumer dropped, LongConsumer droppedYesterdays) {
        if (droppedDay != Long.MIN_VALUE) {
            dropped.accept(droppedDay);
            droppedDay = Long.MIN_VALUE;
        }
        if (droppedYesterday != Long.MIN_VALUE) {
            droppedYesterdays.accept(droppedYesterday);
            droppedYesterday = Long.MIN_VALUE;
        }
    }
}
