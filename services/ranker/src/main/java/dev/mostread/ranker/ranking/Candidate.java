package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.Sort;
import java.util.Comparator;

/**
 * An article as one partition proposes it for a list: how the list shows it, its views and distinct visitors in
 * the list's period (the last hour for a trending list), and, in a trending list, its score.
 */
public record Candidate(ArticleLooks looks, long views, Long visitors, TrendScore trend) {

    /** A candidate for a list by views or visitors. */
    public Candidate(ArticleLooks looks, long views, Long visitors) {
        this(looks, views, visitors, null);
    }

    /** The contract's order, total within a site: views descending, then article id ascending. */
    public static final Comparator<Candidate> RANK_ORDER = RankOrder.of(Sort.VIEWS);

    /** The order of lists sorted by {@code sort}: the one every partition keeps its top N in ({@link RankOrder}). */
    public static Comparator<Candidate> order(Sort sort) {
        return RankOrder.of(sort);
    }

    public String articleId() {
        return looks.articleId();
    }
}
