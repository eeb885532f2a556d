package dev.mostread.shared.ranking;

import dev.mostread.shared.pageview.PageViewRules;
import java.util.Optional;

/**
 * Names one most-read list: the key of the {@code rankings} topic, {@code {site}/{period}/{section}} for the
 * default list (by views, any publication time), with {@value #ALL_SECTIONS} for the list over every section;
 * other lists append {@code /{sort}} (not for views) and then {@code /published-{window}}, as in
 * {@code news21/24h/_all/visitors/published-48h}. Trending lists have no period of their own (they are built
 * from the last hour's minute buckets and the last day's): {@code {site}/trending/{section}}, then
 * {@code /published-{window}}; their {@code period} is {@link Period#LAST_HOUR}. {@code section} is null for the
 * all-sections list, {@code published} null for the list of every article.
 */
public record ListKey(String site, Period period, String section, Sort sort, PublishedWindow published) {

    public static final String ALL_SECTIONS = "_all";
    /** What stands for the period in a trending list's key, and in its ranking's {@code period}. */
    public static final String TRENDING = "trending";

    private static final String PUBLISHED = "published-";

    public ListKey {
        if (sort == null) {
            sort = Sort.VIEWS;
        }
        if (sort == Sort.TRENDING) {
            period = Period.LAST_HOUR;
        }
    }

    public boolean isTrending() {
        return sort == Sort.TRENDING;
    }

    /** What the published list calls its period: the period's code, or {@value #TRENDING}. */
    public String periodCode() {
        return isTrending() ? TRENDING : period.code();
    }

    /** The list by views of every article. */
    public ListKey(String site, Period period, String section) {
        this(site, period, section, Sort.VIEWS, null);
    }

    /** The list by {@code sort} of every article. */
    public ListKey(String site, Period period, String section, Sort sort) {
        this(site, period, section, sort, null);
    }

    public static ListKey allSections(String site, Period period) {
        return new ListKey(site, period, null);
    }

    public boolean isAllSections() {
        return section == null;
    }

    /** The same list ranked by {@code other}. */
    public ListKey sortedBy(Sort other) {
        return new ListKey(site, period, section, other, published);
    }

    /** The same list of the articles published within {@code window} (null: of every article). */
    public ListKey publishedWithin(PublishedWindow window) {
        return new ListKey(site, period, section, sort, window);
    }

    @Override
    public String toString() {
        StringBuilder key = new StringBuilder(site)
                .append('/')
                .append(periodCode())
                .append('/')
                .append(section == null ? ALL_SECTIONS : section);
        if (sort != Sort.VIEWS && sort != Sort.TRENDING) {
            key.append('/').append(sort.code());
        }
        if (published != null) {
            key.append('/').append(PUBLISHED).append(published.code());
        }
        return key.toString();
    }

    public static Optional<ListKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split("/", -1);
        if (parts.length < 3 || parts.length > 5 || !PageViewRules.isSlug(parts[0])) {
            return Optional.empty();
        }
        String section = ALL_SECTIONS.equals(parts[2]) ? null : parts[2];
        if (section != null && !PageViewRules.isSection(section)) {
            return Optional.empty();
        }
        int next = 3;
        boolean trending = TRENDING.equals(parts[1]);
        Sort sort = trending ? Sort.TRENDING : Sort.VIEWS;
        if (!trending && parts.length > next && !parts[next].startsWith(PUBLISHED)) {
            Optional<Sort> named = Sort.fromCode(parts[next]).filter(s -> s != Sort.VIEWS && s != Sort.TRENDING);
            if (named.isEmpty()) {
                return Optional.empty();
            }
            sort = named.get();
            next++;
        }
        PublishedWindow published = null;
        if (parts.length > next) {
            if (!parts[next].startsWith(PUBLISHED)) {
                return Optional.empty();
            }
            Optional<PublishedWindow> window = PublishedWindow.parse(parts[next].substring(PUBLISHED.length()));
            if (window.isEmpty()) {
                return Optional.empty();
            }
            published = window.get();
            next++;
        }
        if (next != parts.length) {
            return Optional.empty();
        }
        Sort chosen = sort;
        PublishedWindow within = published;
        if (trending) {
            return Optional.of(new ListKey(parts[0], Period.LAST_HOUR, section, chosen, within));
        }
        return Period.fromCode(parts[1]).map(period -> new ListKey(parts[0], period, section, chosen, within));
    }
}
