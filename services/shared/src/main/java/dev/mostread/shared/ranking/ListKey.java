package dev.mostread.shared.ranking;

import java.util.Optional;

import dev.mostread.shared.pageview.PageViewRules;

/**
 * Names one most-read list: the key of the {@code rankings} topic, {@code {site}/{period}/{section}}, with
 * {@value #ALL_SECTIONS} for the list over every section. {@code section} is null for that list.
 */
public record ListKey(String site, Period period, String section) {

    public static final String ALL_SECTIONS = "_all";

    public static ListKey allSections(String site, Period period) {
        return new ListKey(site, period, null);
    }

    public boolean isAllSections() {
        return section == null;
    }

    @Override
    public String toString() {
        return site + '/' + period.code() + '/' + (section == null ? ALL_SECTIONS : section);
    }

    public static Optional<ListKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split("/", -1);
        if (parts.length != 3 || !PageViewRules.isSlug(parts[0])) {
            return Optional.empty();
        }
        String section = ALL_SECTIONS.equals(parts[2]) ? null : parts[2];
        if (section != null && !PageViewRules.isSection(section)) {
            return Optional.empty();
        }
        return Period.fromCode(parts[1]).map(period -> new ListKey(parts[0], period, section));
    }
}
