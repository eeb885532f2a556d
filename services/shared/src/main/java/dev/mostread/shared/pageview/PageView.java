package dev.mostread.shared.pageview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mostread.shared.article.ArticleKey;

/**
 * One valid page view, as the collector writes it to {@code page-views} and the ranker reads it back.
 * {@code timestamp} is always resolved to epoch milliseconds once an event has been accepted; {@code summary}
 * is the article's lede, shown as a snippet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageView(
        String site,
        String articleId,
        Long timestamp,
        String visitorId,
        String section,
        String type,
        String title,
        String url,
        String imageUrl,
        String userAgent,
        String referrer,
        String summary) {

    public static final String TYPE_ARTICLE = "article";

    /** A view without a summary. */
    public PageView(
            String site,
            String articleId,
            Long timestamp,
            String visitorId,
            String section,
            String type,
            String title,
            String url,
            String imageUrl,
            String userAgent,
            String referrer) {
        this(site, articleId, timestamp, visitorId, section, type, title, url, imageUrl, userAgent, referrer, null);
    }

    /** The article this view is of: its records' key. */
    public ArticleKey articleKey() {
        return new ArticleKey(site, articleId);
    }

    /** Only article views are ranked; a missing type means an article. */
    public boolean isArticle() {
        return type == null || TYPE_ARTICLE.equals(type);
    }

    public PageView withTimestamp(long epochMillis) {
        return new PageView(
                site,
                articleId,
                epochMillis,
                visitorId,
                section,
                type,
                title,
                url,
                imageUrl,
                userAgent,
                referrer,
                summary);
    }
}
