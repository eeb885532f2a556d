package dev.mostread.shared.system;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Per-site settings ({@code mostread.sites.{site}.*}).
 *
 * @param sites by site id; a site not listed gets the defaults
 */
@ConfigurationProperties("mostread")
@Validated
public record SitesProperties(Map<String, Site> sites) {

    /**
     * @param zone where "today" starts at midnight (default UTC)
     * @param allowedOrigins origins allowed to send this site's events (default any)
     * @param hosts hosts (and their subdomains) that an article's url and image may point to; default any
     */
    public record Site(ZoneId zone, List<String> allowedOrigins, List<String> hosts) {
        public Site {
            zone = zone == null ? ZoneId.of("UTC") : zone;
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
        }
    }

    private static final Site DEFAULTS = new Site(null, null, null);

    public SitesProperties {
        sites = sites == null ? Map.of() : Map.copyOf(sites);
    }

    public Site site(String site) {
        return sites.getOrDefault(site, DEFAULTS);
    }

    public ZoneId zone(String site) {
        return site(site).zone();
    }

    /** The hosts of every site that restricts them. */
    public Map<String, List<String>> hosts() {
        Map<String, List<String>> hosts = new java.util.HashMap<>();
        sites.forEach((id, site) -> {
            if (!site.hosts().isEmpty()) {
                hosts.put(id, site.hosts());
            }
        });
        return Map.copyOf(hosts);
    }

    /** The zone of every configured site, for components that take a plain map. */
    public Map<String, ZoneId> zones() {
        Map<String, ZoneId> zones = new java.util.HashMap<>();
        sites.forEach((id, site) -> zones.put(id, site.zone()));
        return Map.copyOf(zones);
    }
}
