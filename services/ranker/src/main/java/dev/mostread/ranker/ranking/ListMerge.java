package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the candidates every partition proposes for one list into the published list. Each article lives in
 * exactly one partition, so the global top N is always among the partitions' top N: the merge is exact.
 */
public final class ListMerge {

    private ListMerge() {}

    /**
     * @param previous the list published last for this key, or null; gives each item its previous rank
     * @param windowStart the first instant of the period that ends at {@code asOf}
     */
    public static Ranking merge(
            ListKey key,
            Collection<List<Candidate>> partitions,
            int limit,
            Ranking previous,
            Instant asOf,
            Instant windowStart,
            Instant lastViewAt) {
        return merge(key, partitions, limit, previous, asOf, windowStart, asOf, lastViewAt);
    }

    /**
     * @param windowStart the first instant of the period
     * @param windowEnd where the period ends: {@code asOf} except for a period that ended already (yesterday)
     */
    public static Ranking merge(
            ListKey key,
            Collection<List<Candidate>> partitions,
            int limit,
            Ranking previous,
            Instant asOf,
            Instant windowStart,
            Instant windowEnd,
            Instant lastViewAt) {
        List<Candidate> all = new ArrayList<>();
        for (List<Candidate> candidates : partitions) {
            all.addAll(candidates);
        }
        all.sort(Candidate.order(key.sort()));
        Map<String, Integer> previousRanks = new HashMap<>();
        if (previous != null) {
            for (RankedItem item : previous.items()) {
                previousRanks.put(item.articleId(), item.rank());
            }
        }
        List<RankedItem> items = new ArrayList<>(Math.min(limit, all.size()));
        for (Candidate candidate : all) {
            if (items.size() == limit) {
                break;
            }
            int rank = items.size() + 1;
            TrendScore trend = candidate.trend();
            ArticleLooks looks = candidate.looks();
            items.add(new RankedItem(
                    rank,
                    candidate.articleId(),
                    looks.title(),
                    looks.url(),
                    looks.section(),
                    looks.summary(),
                    looks.imageUrl(),
                    looks.publishedAt(),
                    candidate.views(),
                    candidate.visitors(),
                    previousRanks.get(candidate.articleId()),
                    trend == null ? null : trend.score(),
                    trend == null ? null : trend.viewsLast15m(),
                    trend == null ? null : trend.expectedLast15m()));
        }
        return new Ranking(key, asOf, windowStart, windowEnd, items, lastViewAt);
    }

    /** True when {@code next} shows readers the same list as {@code previous}: same articles, order, views and looks. */
    public static boolean sameList(Ranking previous, Ranking next) {
        if (previous == null) {
            return false;
        }
        List<RankedItem> a = previous.items();
        List<RankedItem> b = next.items();
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).withRanks(0, null).equals(b.get(i).withRanks(0, null))) {
                return false;
            }
        }
        return true;
    }
}
