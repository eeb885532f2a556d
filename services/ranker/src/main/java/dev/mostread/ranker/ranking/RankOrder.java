package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.Sort;
import java.util.Comparator;

/**
 * The one order of every list, total within a site: the list's sort value (views, distinct visitors, or the
 * trending score in thousandths) descending, then article id ascending. Each partition keeps its top N in it
 * ({@link Leaderboards}) and the publisher merges the partitions' proposals in it ({@link ListMerge}): the merge is
 * exact only because both sides use this same order, so it is written once, here.
 */
public final class RankOrder {

    private RankOrder() {}

    /** Negative when the first article ranks before the second. */
    public static int compare(long value, String articleId, long otherValue, String otherArticleId) {
        int byValue = Long.compare(otherValue, value);
        return byValue != 0 ? byValue : articleId.compareTo(otherArticleId);
    }

    /** What {@code candidate} is ranked by in a list sorted by {@code sort} (0 when it lacks the figure). */
    public static long value(Candidate candidate, Sort sort) {
        return switch (sort) {
            case VIEWS -> candidate.views();
            case VISITORS -> candidate.visitors() == null ? 0 : candidate.visitors();
            case TRENDING -> candidate.trend() == null ? 0 : candidate.trend().scoreMillis();
        };
    }

    /** The order of the candidates of a list sorted by {@code sort}. */
    public static Comparator<Candidate> of(Sort sort) {
        return (a, b) -> compare(value(a, sort), a.articleId(), value(b, sort), b.articleId());
    }
}
