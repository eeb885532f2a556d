package dev.mostread.shared.ranking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A published most-read list: the value of the {@code rankings} topic and the body the API serves. Its key is
 * the list it is ({@link ListKey}: site, {@link Period}, section, sort and {@code published} window), and in
 * JSON shows it as the contract's {@code site}, {@code period} (a trending list's is {@value ListKey#TRENDING}) and
 * {@code section} (null for the list over all sections), plus two additions: {@code sort} and, for a list of
 * recent articles only, {@code published}. {@code lastViewAt} is the event time of the newest view the ranker has
 * counted for this list (an addition too, used by {@code GET /sites}).
 */
@JsonPropertyOrder({
    "site",
    "period",
    "section",
    "asOf",
    "windowStart",
    "windowEnd",
    "items",
    "lastViewAt",
    "sort",
    "published"
})
public record Ranking(
        @JsonIgnore ListKey key,
        Instant asOf,
        Instant windowStart,
        Instant windowEnd,
        List<RankedItem> items,
        Instant lastViewAt) {

    public Ranking {
        if (key == null) {
            throw new IllegalArgumentException("A ranking names its list");
        }
        items = List.copyOf(items);
    }

    /**
     * Reads the JSON form. A body written before {@code sort} and {@code published} were shown is the list by
     * views of every article (or a trending list, by its period): whoever reads such a record takes the list
     * from its {@code rankings} key ({@link #forList}).
     */
    @JsonCreator
    static Ranking fromJson(
            @JsonProperty("site") String site,
            @JsonProperty("period") String period,
            @JsonProperty("section") String section,
            @JsonProperty("sort") String sort,
            @JsonProperty("published") String published,
            @JsonProperty("asOf") Instant asOf,
            @JsonProperty("windowStart") Instant windowStart,
            @JsonProperty("windowEnd") Instant windowEnd,
            @JsonProperty("items") List<RankedItem> items,
            @JsonProperty("lastViewAt") Instant lastViewAt) {
        if (site == null) {
            throw invalid("site", null);
        }
        boolean trending = ListKey.TRENDING.equals(period);
        Sort sorted = trending
                ? Sort.TRENDING
                : sort == null ? Sort.VIEWS : Sort.fromCode(sort).orElseThrow(() -> invalid("sort", sort));
        ListKey list = new ListKey(
                site,
                trending ? Period.LAST_HOUR : Period.fromCode(period).orElseThrow(() -> invalid("period", period)),
                section,
                sorted,
                published == null
                        ? null
                        : PublishedWindow.parse(published).orElseThrow(() -> invalid("published", published)));
        return new Ranking(list, asOf, windowStart, windowEnd, items == null ? List.of() : items, lastViewAt);
    }

    private static IllegalArgumentException invalid(String field, String value) {
        return new IllegalArgumentException("Not a ranking's " + field + ": " + value);
    }

    @JsonProperty("site")
    public String site() {
        return key.site();
    }

    /** The period this list covers: the last hour for a trending list (see {@link #periodCode()}). */
    @JsonIgnore
    public Period period() {
        return key.period();
    }

    /** What the JSON calls the period: its code, or {@value ListKey#TRENDING}. */
    @JsonProperty("period")
    public String periodCode() {
        return key.periodCode();
    }

    @JsonProperty("section")
    public String section() {
        return key.section();
    }

    @JsonProperty("sort")
    public String sort() {
        return key.sort().code();
    }

    @JsonProperty("published")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String published() {
        return key.published() == null ? null : key.published().code();
    }

    /** This ranking as the list {@code key} names (a {@code rankings} record's key is what it is). */
    public Ranking forList(ListKey list) {
        return list.equals(key) ? this : new Ranking(list, asOf, windowStart, windowEnd, items, lastViewAt);
    }

    /**
     * The first {@code limit} items that are not in {@code excluded}, ranked again from 1 without gaps (each
     * item keeps its {@code previousRank} in the list as published); this list itself when nothing changes.
     */
    public Ranking without(Set<String> excluded, int limit) {
        if (excluded.isEmpty()) {
            return limitedTo(limit);
        }
        List<RankedItem> kept = new ArrayList<>(Math.min(limit, items.size()));
        for (RankedItem item : items) {
            if (kept.size() == limit) {
                break;
            }
            if (!excluded.contains(item.articleId())) {
                kept.add(item.rank() == kept.size() + 1 ? item : item.withRanks(kept.size() + 1, item.previousRank()));
            }
        }
        return new Ranking(key, asOf, windowStart, windowEnd, kept, lastViewAt);
    }

    /** The first {@code limit} items, or this list itself when it is no longer. */
    public Ranking limitedTo(int limit) {
        if (items.size() <= limit) {
            return this;
        }
        return new Ranking(key, asOf, windowStart, windowEnd, items.subList(0, limit), lastViewAt);
    }
}
