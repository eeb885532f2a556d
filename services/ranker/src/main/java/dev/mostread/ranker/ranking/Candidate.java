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
}
