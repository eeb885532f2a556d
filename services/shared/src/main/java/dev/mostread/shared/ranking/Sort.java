package dev.mostread.shared.ranking;

import java.util.Optional;

/**
 * What a list ranks by. Every sort is a total order within a site: its figure descending, then article id
 * ascending; each partition keeps its top N in the same order the publisher merges them in, so every sort is
 * exact across partitions.
 */
public enum Sort {
    /** Ranked page views (the default). */
    VIEWS("views"),
    /** Distinct readers: the same visitor estimate the item shows (exact below 100, within 3% above). */
    VISITORS("visitors"),
    /**
     * Rising now: views in the last 15 minutes against the article's own expected rate (its previous 24 hours,
     * with a prior for new articles), as a score; its lists have no period and are keyed
     * {@code {site}/trending/{section}}.
     */
    TRENDING("trending");

    /** How far back a view counts as recent in a trending list: 15 minutes, exact to the minute. */
    public static final java.time.Duration TRENDING_RECENT = java.time.Duration.ofMinutes(15);

    private final String code;

    Sort(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The first instant of the quarter hour whose views count as recent at {@code nowMillis}: the current minute
     * and the 14 whole minutes before it (a trending list's {@code windowStart}).
     */
    public static long trendingSince(long nowMillis) {
        return Period.LAST_HOUR.bucketStart(nowMillis) - TRENDING_RECENT.toMillis() + Period.LAST_HOUR.bucketMillis();
    }

    public static Optional<Sort> fromCode(String code) {
        for (Sort sort : values()) {
            if (sort.code.equals(code)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
