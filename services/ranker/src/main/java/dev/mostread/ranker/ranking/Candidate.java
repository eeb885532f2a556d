package dev.mostread.ranker.ranking;

import java.time.Instant;
import java.util.Comparator;

/**
 * An article as one partition proposes it for a list: what the list needs to show it, its views and distinct
 * visitors in the list's period (the last hour for a trending list), and, in a trending list, its score.
 */
public record Candidate(String articleId, String title, String url, String section, String summary, String imageUrl,
                        Instant publishedAt, long views, Long visitors, TrendScore trend) {

    /** A candidate for a list by views or visitors. */
    public Candidate(String articleId, String title, String url, String section, String summary, String imageUrl,
                     Instant publishedAt, long views, Long visitors) {
        this(articleId, title, url, section, summary, imageUrl, publishedAt, views, visitors, null);
    }

    /** The contract's order, total within a site: views descending, then article id ascending. */
    public static final Comparator<Candidate> RANK_ORDER = Comparator
            .comparingLong(Candidate::views).reversed()
            .thenComparing(Candidate::articleId);

    /** {@code sort=visitors}: distinct visitors descending, then article id ascending. */
    public static final Comparator<Candidate> VISITOR_ORDER = Comparator
            .comparingLong((Candidate candidate) -> candidate.visitors() == null ? 0 : candidate.visitors()).reversed()
            .thenComparing(Candidate::articleId);

    /** {@code sort=trending}: score (in thousandths) descending, then article id ascending. */
    public static final Comparator<Candidate> TREND_ORDER = Comparator
            .comparingLong((Candidate candidate) -> candidate.trend() == null ? 0 : candidate.trend().scoreMillis())
            .reversed()
            .thenComparing(Candidate::articleId);

    /** The order of lists sorted by {@code sort}: the one every partition keeps its top N in. */
    public static Comparator<Candidate> order(dev.mostread.shared.ranking.Sort sort) {
        return switch (sort) {
            case VIEWS -> RANK_ORDER;
            case VISITORS -> VISITOR_ORDER;
            case TRENDING -> TREND_ORDER;
        };
    }
}
