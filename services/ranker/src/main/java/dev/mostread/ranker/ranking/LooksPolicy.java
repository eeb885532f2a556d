package dev.mostread.ranker.ranking;

import dev.mostread.shared.article.Article;
import dev.mostread.shared.pageview.PageView;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What page views and catalog entries may change in how an article looks (§7, no defacement): how many
 * distinct visitors must carry a new title, url or image before it is shown, and, per site where
 * {@code mostread.sites.{site}.hosts} is set, the hosts a url or image may point to (a subdomain of a listed
 * host counts as on it). A link elsewhere is dropped; the view itself still counts.
 */
public record LooksPolicy(int confirmations, Map<String, List<String>> hostsBySite) {

    public static final LooksPolicy OPEN = new LooksPolicy(1, Map.of());

    public LooksPolicy {
        hostsBySite = Map.copyOf(hostsBySite);
    }

    /** The looks one view offers, with links off the site's hosts removed. */
    public Looks of(PageView view) {
        return new Looks(
                view.section(),
                view.title(),
                allowed(view.site(), view.url()),
                allowed(view.site(), view.imageUrl()),
                view.summary(),
                view.visitorId());
    }

    /** The catalog entry with links off the site's hosts removed. */
    public Article of(String site, Article article) {
        if (article == null || !hostsBySite.containsKey(site)) {
            return article;
        }
        return new Article(
                article.title(),
                allowed(site, article.url()),
                article.section(),
                article.summary(),
                allowed(site, article.imageUrl()),
                article.publishedAt(),
                article.hidden());
    }

    String allowed(String site, String url) {
        List<String> hosts = hostsBySite.get(site);
        if (url == null || hosts == null || hosts.isEmpty()) {
            return url;
        }
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) {
            return null;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        for (String allowed : hosts) {
            String a = allowed.toLowerCase(Locale.ROOT);
            if (lower.equals(a) || lower.endsWith("." + a)) {
                return url;
            }
        }
        return null;
    }

    /** What one view says about an article's looks, and who said it. */
    public record Looks(String section, String title, String url, String imageUrl, String summary, String visitorId) {}
}
