package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.Period;

/**
 * {@code sort=trending}: how much faster than expected an article is read right now.
 *
 * <pre>
 *   recent    = views in the last 15 minutes (the current minute and the 14 before it)
 *   baseline  = views in the 24 hours before those 15 minutes (24h views − recent)
 *   quarters  = how many quarter hours of those 24 hours the article existed (first seen, capped at 95.x)
 *   expected  = (baseline + newArticleViews × priorQuarters) / (quarters + priorQuarters)
 *   score     = (recent + smoothing) / (expected + smoothing)
 * </pre>
 *
 * {@code expected} is the article's own rate per quarter hour, shrunk towards the site's typical new article
 * ({@code newArticleViews} per quarter hour, weighted as {@code priorQuarters} quarter hours of history): an
 * article first seen a minute ago is compared with a typical new article, one read all day with itself.
 * {@code smoothing} pseudo-views on both sides keep tiny counts near 1 (three views against an expectation of
 * none score (3 + 10) / (0 + 10) = 1.3 with the defaults, a story going from 20 to 100 views per quarter hour
 * about 3.7, a steady leader 1.0 whatever its size).
 *
 * <p>The score is worked out for the wall clock's current minute, so it is the same in every partition and in
 * every instance that works it out within that minute, moves once a minute with no new events (views leave the
 * 15 minutes, the baseline grows), and within a minute only grows with views: a trending list is kept exactly
 * like the other lists. It is an integer in thousandths, so the merge orders by exactly the same figure.
 *
 * @param newArticleViews the views a typical new article of the site gets per quarter hour
 * @param priorQuarters how many quarter hours of history that typical article counts for
 * @param smoothing pseudo-views added to the recent views and to the expectation
 */
public record TrendingRule(double newArticleViews, double priorQuarters, double smoothing) {

    public static final TrendingRule DEFAULTS = new TrendingRule(5, 4, 10);

    static final long QUARTER = 15 * 60_000L;
    private static final long MINUTE = 60_000L;

    public TrendingRule {
        if (!(newArticleViews >= 0) || !(priorQuarters > 0) || !(smoothing > 0)) {
            throw new IllegalArgumentException(
                    "trending needs newArticleViews >= 0, priorQuarters > 0 and smoothing > 0");
        }
    }

    /**
     * @param firstSeenAt when the article was first seen (0: unknown, taken as older than a day)
     * @param now the wall clock; only its minute matters
     */
    public TrendScore score(ArticleCounts counts, long firstSeenAt, long now) {
        long recentStart = recentStart(now);
        long recent = viewsSince(counts.buckets(Period.LAST_HOUR), recentStart);
        if (recent == 0) {
            return TrendScore.NONE;
        }
        long baseline = Math.max(0, counts.views(Period.LAST_DAY) - recent);
        long dayStart = Period.LAST_DAY.windowStart(now);
        long historyStart = firstSeenAt == 0 ? dayStart : Math.max(dayStart, firstSeenAt);
        double quarters = Math.max(0, recentStart - historyStart) / (double) QUARTER;
        double expected = (baseline + newArticleViews * priorQuarters) / (quarters + priorQuarters);
        double score = (recent + smoothing) / (expected + smoothing);
        return new TrendScore(Math.round(score * 1000), recent, Math.round(expected * 1000));
    }

    /** The first instant of the quarter hour whose views count as recent at {@code now}: 14 whole minutes and this one. */
    public static long recentStart(long now) {
        return dev.mostread.shared.ranking.Sort.trendingSince(now);
    }

    /** Views in the buckets that start at or after {@code from}: the newest few of the last hour's minutes. */
    private static long viewsSince(BucketCounts buckets, long from) {
        long views = 0;
        for (int i = buckets.size() - 1; i >= 0 && buckets.startAt(i) >= from; i--) {
            views += buckets.countAt(i);
        }
        return views;
    }

    /** True when {@code counts} may have a view in the last 15 minutes at {@code now} or had one a minute ago. */
    public static boolean mayTrend(ArticleCounts counts, long now) {
        BucketCounts minutes = counts.buckets(Period.LAST_HOUR);
        return minutes.size() > 0
                && minutes.startAt(minutes.size() - 1) >= Period.LAST_HOUR.bucketStart(now) - 15 * MINUTE;
    }
}
