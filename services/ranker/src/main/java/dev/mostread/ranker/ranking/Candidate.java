package dev.mostread.ranker.ranking;

import java.time.Instant;
import java.util.Comparator;

/**
 * An article as one partition proposes it for a list: what the list needs to show it, and its views and
 * distinct visitors in the list's period.
 */
public record Candidate(String articleId, String title, String url, String section, String summary, String imageUrl,
                        Instant publishedAt, long views, Long visitors) {

    /** The contract's order, total within a site: views descending, then article id ascending. */
    public static final Comparator<Candidate> RANK_ORDER = Comparator
            .comparingLong(Candidate::views).reversed()
            .thenComparing(Candidate::articleId);

    /** {@code sort=visitors}: distinct visitors descending, then article id ascending. */
    public static final Comparator<Candidate> VISITOR_ORDER = Comparator
            .comparingLong((Candidate candidate) -> candidate.visitors() == null ? 0 : candidate.visitors()).reversed()
            .thenComparing(Candidate::articleId);

    /** The order of lists sorted by {@code sort}: the one every partition keeps its top N in. */
    public static Comparator<Candidate> order(dev.mostread.shared.ranking.Sort sort) {
        return sort == dev.mostread.shared.ranking.Sort.VISITORS ? VISITOR_ORDER : RANK_ORDER;
    }
}
