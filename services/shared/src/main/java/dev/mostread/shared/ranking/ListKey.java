package dev.mostread.shared.ranking;

import java.util.Optional;

import dev.mostread.shared.pageview.PageViewRules;

/**
 * Names one most-read list: the key of the {@code rankings} topic, {@code {site}/{period}/{section}} for the
 * default sort (views), with {@value #ALL_SECTIONS} for the list over every section, and
 * {@code {site}/{period}/{section}/{sort}} for any other sort. {@code section} is null for the all-sections list.
 */
public record ListKey(String site, Period period, String section, Sort sort) {

    public static final String ALL_SECTIONS = "_all";

    public ListKey {
        if (sort == null) {
            sort = Sort.VIEWS;
        }
    }

    /** The list by views. */
    public ListKey(String site, Period period, String section) {
        this(site, period, section, Sort.VIEWS);
    }

    public static ListKey allSections(String site, Period period) {
        return new ListKey(site, period, null);
    }

    public boolean isAllSections() {
        return section == null;
    }

    /** The same list ranked by {@code other}. */
    public ListKey sortedBy(Sort other) {
        return new ListKey(site, period, section, other);
    }

    @Override
    public String toString() {
        String key = site + '/' + period.code() + '/' + (section == null ? ALL_SECTIONS : section);
        return sort == Sort.VIEWS ? key : key + '/' + sort.code();
    }

    public static Optional<ListKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split("/", -1);
        if (parts.length < 3 || parts.length > 4 || !PageViewRules.isSlug(parts[0])) {
            return Optional.empty();
        }
        String section = ALL_SECTIONS.equals(parts[2]) ? null : parts[2];
        if (section != null && !PageViewRules.isSection(section)) {
            return Optional.empty();
        }
        Optional<Sort> sort = parts.length == 4 ? Sort.fromCode(parts[3]).filter(s -> s != Sort.VIEWS)
                : Optional.of(Sort.VIEWS);
        if (sort.isEmpty()) {
            return Optional.empty();
        }
        return Period.fromCode(parts[1]).map(period -> new ListKey(parts[0], period, section, sort.get()));
    }
}
