package dev.mostread.shared.testing;

import dev.mostread.shared.pageview.PageView;
import java.time.Instant;

/**
 * Page views for tests, by name instead of by position: {@code PageViews.of("news21", "a1").at(now).visitor("v1")
 * .section("sport").build()}. Unset fields stay null, as in an event that leaves them out.
 */
public final class PageViews {

    private final String site;
    private final String articleId;
    private Long timestamp;
    private String visitorId;
    private String section;
    private String type;
    private String title;
    private String url;
    private String imageUrl;
    private String userAgent;
    private String referrer;
    private String summary;

    private PageViews(String site, String articleId) {
        this.site = site;
        this.articleId = articleId;
    }

    public static PageViews of(String site, String articleId) {
        return new PageViews(site, articleId);
    }

    public PageViews at(long epochMillis) {
        this.timestamp = epochMillis;
        return this;
    }

    public PageViews at(Instant time) {
        return at(time.toEpochMilli());
    }

    public PageViews visitor(String visitorId) {
        this.visitorId = visitorId;
        return this;
    }

    public PageViews section(String section) {
        this.section = section;
        return this;
    }

    public PageViews type(String type) {
        this.type = type;
        return this;
    }

    public PageViews title(String title) {
        this.title = title;
        return this;
    }

    public PageViews url(String url) {
        this.url = url;
        return this;
    }

    public PageViews imageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
        return this;
    }

    public PageViews userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    public PageViews referrer(String referrer) {
        this.referrer = referrer;
        return this;
    }

    public PageViews summary(String summary) {
        this.summary = summary;
        return this;
    }

    public PageView build() {
        return new PageView(
                site, articleId, timestamp, visitorId, section, type, title, url, imageUrl, userAgent, referrer,
                summary);
    }
}
