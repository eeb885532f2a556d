package dev.mostread.ranker.ranking;

import java.util.Objects;

import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.ranking.Period;

/**
 * Everything one partition knows about one article: who it is, how to show it, and its views per period.
 * The {@code ranked*} fields remember where {@link Leaderboards} last filed it, so it can be found and moved.
 */
public final class ArticleTally {

    private static final int PERIODS = Period.values().length;

    private final String site;
    private final String articleId;
    private String section;
    private String title;
    private String url;
    private String imageUrl;
    private long lastViewAt;
    private final ArticleCounts counts;

    final long[] rankedViews = new long[PERIODS];
    String rankedSection;
    boolean showChanged;

    public ArticleTally(String site, String articleId) {
        this(site, articleId, null, null, null, null, 0L, new ArticleCounts());
    }

    public ArticleTally(String site, String articleId, String section, String title, String url, String imageUrl,
                        long lastViewAt, ArticleCounts counts) {
        this.site = site;
        this.articleId = articleId;
        this.section = section;
        this.title = title;
        this.url = url;
        this.imageUrl = imageUrl;
        this.lastViewAt = lastViewAt;
        this.counts = counts;
    }

    /**
     * Counts one view and takes the title, url, image and section it carries (the last one seen wins).
     *
     * @return true if the view counted in at least one period
     */
    public boolean count(PageView view, long eventTime, long now) {
        showChanged |= update(view);
        lastViewAt = Math.max(lastViewAt, Math.min(eventTime, now));
        return counts.record(eventTime, now);
    }

    private boolean update(PageView view) {
        boolean changed = false;
        if (view.section() != null && !view.section().equals(section)) {
            section = view.section();
            changed = true;
        }
        if (view.title() != null && !view.title().equals(title)) {
            title = view.title();
            changed = true;
        }
        if (view.url() != null && !view.url().equals(url)) {
            url = view.url();
            changed = true;
        }
        if (view.imageUrl() != null && !view.imageUrl().equals(imageUrl)) {
            imageUrl = view.imageUrl();
            changed = true;
        }
        return changed;
    }

    public boolean expire(long now) {
        return counts.expire(now);
    }

    /** This article as a list shows it, with the views the list has filed it under. */
    Candidate candidate(long views) {
        return new Candidate(articleId, title, url, section, imageUrl, null, views, null);
    }

    /** True when this article's place or looks in a list may differ from what the leaderboards hold. */
    boolean needsRanking() {
        if (showChanged || !Objects.equals(rankedSection, section)) {
            return true;
        }
        for (Period period : Period.values()) {
            if (rankedViews[period.ordinal()] != counts.views(period)) {
                return true;
            }
        }
        return false;
    }

    public String key() {
        return site + '/' + articleId;
    }

    public String site() {
        return site;
    }

    public String articleId() {
        return articleId;
    }

    public String section() {
        return section;
    }

    public String title() {
        return title;
    }

    public String url() {
        return url;
    }

    public String imageUrl() {
        return imageUrl;
    }

    public long lastViewAt() {
        return lastViewAt;
    }

    public ArticleCounts counts() {
        return counts;
    }

    public long views(Period period) {
        return counts.views(period);
    }
}
