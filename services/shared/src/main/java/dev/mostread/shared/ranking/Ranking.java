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

    public ListKey key() {
        return new ListKey(site, Period.fromCode(period).orElseThrow(), section);
    }

    /** The first {@code limit} items, or this list itself when it is no longer. */
    public Ranking limitedTo(int limit) {
        if (items.size() <= limit) {
            return this;
        }
        return new Ranking(site, period, section, asOf, windowStart, windowEnd, items.subList(0, limit), lastViewAt);
    }
}
