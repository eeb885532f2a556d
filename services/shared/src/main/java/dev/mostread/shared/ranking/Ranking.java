package dev.mostread.shared.ranking;

import java.time.Instant;
import java.util.List;

/**
 * A published most-read list: the value of the {@code rankings} topic and the body the API serves.
 * {@code section} is null for the list over all sections. {@code lastViewAt} is the event time of the newest
 * view the ranker has counted for this list (an addition to the contract's fields, used by {@code GET /sites}).
 */
public record Ranking(
        String site,
        String period,
        String section,
        Instant asOf,
        Instant windowStart,
        Instant windowEnd,
        List<RankedItem> items,
        Instant lastViewAt) {

    public Ranking {
        items = List.copyOf(items);
    }

    /**
     * The list by views this ranking's site, period and section name ({@link Period#LAST_HOUR} for a trending
     * list, whose period is {@value ListKey#TRENDING}); the {@code rankings} key says which sort and window.
     */
    public ListKey key() {
        if (ListKey.TRENDING.equals(period)) {
            return new ListKey(site, Period.LAST_HOUR, section, Sort.TRENDING);
        }
        return new ListKey(site, Period.fromCode(period).orElseThrow(), section);
    }

    /**
     * The first {@code limit} items that are not in {@code excluded}, ranked again from 1 without gaps (each
     * item keeps its {@code previousRank} in the list as published); this list itself when nothing changes.
     */
    public Ranking without(java.util.Set<String> excluded, int limit) {
        if (excluded.isEmpty()) {
            return limitedTo(limit);
        }
        List<RankedItem> kept = new java.util.ArrayList<>(Math.min(limit, items.size()));
        for (RankedItem item : items) {
            if (kept.size() == limit) {
                break;
            }
            if (!excluded.contains(item.articleId())) {
                kept.add(item.rank() == kept.size() + 1 ? item : item.withRanks(kept.size() + 1, item.previousRank()));
            }
        }
        return new Ranking(site, period, section, asOf, windowStart, windowEnd, kept, lastViewAt);
    }

    /** The first {@code limit} items, or this list itself when it is no longer. */
    public Ranking limitedTo(int limit) {
        if (items.size() <= limit) {
            return this;
        }
        return new Ranking(site, period, section, asOf, windowStart, windowEnd, items.subList(0, limit), lastViewAt);
    }
}
