package dev.mostread.ranker.ranking;

/**
 * Why an article stands where it does in a trending list: its score (in thousandths, so that every partition
 * and the merge order by the same integer), its views in the last 15 minutes, and the views it was expected to
 * have in 15 minutes (in thousandths).
 */
public record TrendScore(long scoreMillis, long viewsLast15m, long expectedMillis) {

    /** Not rising: no view in the last 15 minutes, or hidden. Such an article is in no trending list. */
    public static final TrendScore NONE = new TrendScore(0, 0, 0);

    /** What the article is filed under in trending lists: its score, or 0 when it had no recent view. */
    public long ranked() {
        return viewsLast15m > 0 ? scoreMillis : 0;
    }

    public double score() {
        return scoreMillis / 1000.0;
    }

    public double expectedLast15m() {
        return expectedMillis / 1000.0;
    }
}
