package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.Sort;
import java.time.Instant;
import java.util.Comparator;

/**
 * An article as one partition proposes it for a list: what the list needs to show it, its views and distinct
 * visitors in the list's period (the last hour for a trending list), and, in a trending list, its score.
 */
public record Candidate(
        String articleId,
        String title,
        String url,
        String section,
        String summary,
        String imageUrl,
        Instant publishedAt,
        long views,
        Long visitors,
        TrendScore trend) {

    /** A candidate for a list by views or visitors. */
    public Candidate(
            String articleId,
            String title,
            String url,
            String section,
            String summary,
            String imageUrl,
            Instant publishedAt,
            long views,
            Long visitors) {
        this(articleId, title, url, section, summary, imageUrl, publishedAt, views, visitors, null);
    }

    /** The contract's order, total within a site: views descending, then article id ascending. */
    public static final Comparator<Candidate> RANK_ORDER = RankOrder.of(Sort.VIEWS);

    /** The order of lists sorted by {@code sort}: the one every partition keeps its top N in ({@link RankOrder}). */
    public static Comparator<Candidate> order(Sort sort) {
        return RankOrder.of(sort);
    }
}
