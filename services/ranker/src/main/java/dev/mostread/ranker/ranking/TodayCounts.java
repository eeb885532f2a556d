package dev.mostread.ranker.ranking;


/**
 * One article's views and visitors since local midnight: a counter that starts again at zero when the
 * site's day changes, whether a view or the wall clock notices first.
 */
public final class TodayCounts {

    private long dayStart = Long.MIN_VALUE;
    private long views;
    private VisitorSketch visitors;
    private boolean sketchChanged;
    private long droppedDay = Long.MIN_VALUE;

    public TodayCounts() {
    }

    public TodayCounts(long dayStart, long views) {
        this.dayStart = dayStart;
        this.views = views;
    }

    /** Counts a view at {@code time} if it belongs to the day starting at {@code currentDayStart}. */
    public boolean record(long time, long currentDayStart) {
        rollOver(currentDayStart);
        if (time < currentDayStart) {
            return false;
        }
        views++;
        return true;
    }

    /** As {@link #record(long, long)}, for a view by a known visitor. */
    public boolean recordVisit(long time, long currentDayStart, long visitorHash) {
        if (!record(time, currentDayStart)) {
            return false;
        }
        if (visitors == null) {
            visitors = new VisitorSketch();
        }
        visitors.add(visitorHash);
        sketchChanged = true;
        return true;
    }

    /** Starts the day again when {@code currentDayStart} is a new day; true if views were dropped. */
    public boolean rollOver(long currentDayStart) {
        if (currentDayStart == dayStart) {
            return false;
        }
        boolean hadViews = views != 0;
        if (visitors != null) {
            droppedDay = dayStart;
            visitors = null;
            sketchChanged = false;
        }
        dayStart = currentDayStart;
        views = 0;
        return hadViews;
    }

    public void restoreSketch(long day, VisitorSketch sketch) {
        if (day == dayStart) {
            visitors = sketch;
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

    /** Hands over whether the day's sketch changed, and a previous day whose sketch went away. */
    public void drainSketchChanges(java.util.function.LongConsumer changed, java.util.function.LongConsumer dropped) {
        if (droppedDay != Long.MIN_VALUE) {
            dropped.accept(droppedDay);
            droppedDay = Long.MIN_VALUE;
        }
        if (sketchChanged) {
            changed.accept(dayStart);
            sketchChanged = false;
        }
    }
}
