package dev.mostread.collector.collect;

import dev.mostread.shared.pageview.FieldError;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.system.SitesProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sites this collector serves and from which page origins: when {@code mostread.sites} lists sites,
 * events for any other site are refused; {@code mostread.sites.{site}.allowed-origins} restricts the pages
 * (by their {@code Origin}) that may send a site's events. Requests without an {@code Origin} (servers,
 * apps) are not restricted by origin: what one view says cannot change what readers see (the ranker's
 * confirmations), and its rate is limited per client.
 */
public class SitePolicy {

    private final SitesProperties sites;
    private final int maxSites;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** @param maxSites how many sites events may name when {@code mostread.sites} lists none */
    public SitePolicy(SitesProperties sites, int maxSites) {
        this.sites = sites;
        this.maxSites = maxSites;
    }

    /**
     * With no configured sites, any site is taken until {@code maxSites} distinct ones have been: the first
     * view of a site beyond that, as a field error. Sites of a refused request are not remembered.
     */
    public Optional<FieldError> overSiteLimit(List<PageView> views) {
        if (!sites.sites().isEmpty()) {
            return Optional.empty();
        }
        Set<String> added = new HashSet<>();
        for (int index = 0; index < views.size(); index++) {
            String site = views.get(index).site();
            if (!seen.contains(site) && added.add(site) && seen.size() + added.size() > maxSites) {
                return Optional.of(new FieldError(
                        index,
                        "site",
                        "is one site too many: this collector takes " + maxSites
                                + " sites when none are configured (mostread.sites)"));
            }
        }
        synchronized (seen) {
            if (seen.size() + added.size() > maxSites) {
                return Optional.of(new FieldError(0, "site", "is one site too many"));
            }
            seen.addAll(added);
        }
        return Optional.empty();
    }

    /** The first view whose site is not served here, as a field error, if any. */
    public Optional<FieldError> unknownSite(List<PageView> views) {
        if (sites.sites().isEmpty()) {
            return Optional.empty();
        }
        for (int index = 0; index < views.size(); index++) {
            if (!sites.sites().containsKey(views.get(index).site())) {
                return Optional.of(new FieldError(index, "site", "is not a site served here"));
            }
        }
        return Optional.empty();
    }

    /** The first view whose site does not accept events from {@code origin}, as a field error, if any. */
    public Optional<FieldError> refusedOrigin(List<PageView> views, String origin) {
        if (origin == null) {
            return Optional.empty();
        }
        for (int index = 0; index < views.size(); index++) {
            List<String> allowed = sites.site(views.get(index).site()).allowedOrigins();
            if (!allowed.isEmpty()
                    && allowed.stream()
                            .noneMatch(o -> o.toLowerCase(Locale.ROOT).equals(origin.toLowerCase(Locale.ROOT)))) {
                return Optional.of(new FieldError(index, "site", "does not accept events from origin " + origin));
            }
        }
        return Optional.empty();
    }
}
