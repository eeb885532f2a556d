package dev.mostread.ranker.ranking;

import dev.mostread.shared.article.Article;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.ranking.Period;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything one partition knows about one article: who it is, how to show it (its catalog entry wins over
 * what its page views carry), whether it may be shown at all, and its views per period. The {@code ranked*}
 * fields remember where {@link Leaderboards} last filed it, so it can be found and moved.
 */
public final class ArticleTally {

    private final ArticleKey key;
    private String viewSection;
    private final ConfirmedValue viewTitle;
    private final ConfirmedValue viewUrl;
    private final ConfirmedValue viewImageUrl;
    private final ConfirmedValue viewSummary;
    private Article catalog;
    private boolean deleted;
    private long lastViewAt;
    private final ArticleCounts counts;

    /** Where the leaderboards last filed it: theirs to keep ({@link Leaderboards.Filing}). */
    private final Leaderboards.Filing filing = new Leaderboards.Filing();
    /** When this partition first counted a view of it (0: not yet): its publication time when the catalog has none. */
    private long firstSeenAt;

    /** Its title, url, image or summary changed since the leaderboards last filed it. */
    private boolean looksChanged;

    public ArticleTally(ArticleKey key) {
        this(key, new Shown(null, null, null, null, null), null, false, 0L, new ArticleCounts());
    }

    /** What page views said about an article's looks: the section last seen, and the confirmed title, url and image. */
    public record Shown(String section, String title, String url, String imageUrl, String summary) {}

    public ArticleTally(
            ArticleKey key, Shown fromViews, Article catalog, boolean deleted, long lastViewAt, ArticleCounts counts) {
        this.key = key;
        this.viewSection = fromViews.section();
        this.viewTitle = new ConfirmedValue(fromViews.title());
        this.viewUrl = new ConfirmedValue(fromViews.url());
        this.viewImageUrl = new ConfirmedValue(fromViews.imageUrl());
        this.viewSummary = new ConfirmedValue(fromViews.summary());
        this.catalog = catalog;
        this.deleted = deleted;
        this.lastViewAt = lastViewAt;
        this.counts = counts;
    }

    /**
     * Counts one view and takes the looks it carries: its section (the last one seen wins), and its title, url
     * and image as {@link ConfirmedValue} allows.
     *
     * @param looks the view's looks, as the {@link LooksPolicy} lets them through
     * @param confirmations distinct visitors a new title, url or image needs before it is shown
     * @param dayStart local midnight of the site's current day
     * @param yesterdayStart local midnight of the day before it
     * @return true if the view counted in at least one period
     */
    public boolean count(
            PageView view,
            LooksPolicy.Looks looks,
            int confirmations,
            long eventTime,
            long now,
            long dayStart,
            long yesterdayStart) {
        looksChanged |= takeLooks(looks, confirmations);
        lastViewAt = Math.max(lastViewAt, Math.min(eventTime, now));
        long seen = Math.min(eventTime, now);
        firstSeenAt = firstSeenAt == 0 ? seen : Math.min(firstSeenAt, seen);
        return counts.record(eventTime, now, dayStart, yesterdayStart, view.visitorId());
    }

    /**
     * Counts one view with every field it carries taken at once, for a site whose days are 24 hours long: for
     * callers with no {@link LooksPolicy} and no time zone.
     */
    public boolean count(PageView view, long eventTime, long now, long dayStart) {
        return count(view, LooksPolicy.OPEN.of(view), 1, eventTime, now, dayStart, dayStart - 86_400_000L);
    }

    private boolean takeLooks(LooksPolicy.Looks looks, int confirmations) {
        boolean changed = false;
        if (looks.section() != null && !looks.section().equals(viewSection)) {
            viewSection = looks.section();
            changed = true;
        }
        changed |= viewTitle.offer(looks.title(), looks.visitorId(), confirmations);
        changed |= viewUrl.offer(looks.url(), looks.visitorId(), confirmations);
        changed |= viewImageUrl.offer(looks.imageUrl(), looks.visitorId(), confirmations);
        changed |= viewSummary.offer(looks.summary(), looks.visitorId(), confirmations);
        // What a view says only shows when the catalog says nothing; a change is a change of the view's fields.
        return changed;
    }

    /** Takes the catalog's entry for this article; null means it was deleted (a tombstone). */
    public void catalog(Article entry) {
        this.catalog = entry;
        this.deleted = entry == null;
        this.looksChanged = true;
    }

    public boolean expire(long now, long dayStart) {
        return counts.expire(now, dayStart);
    }

    /** Out of every list: hidden by the editors, or deleted from the catalog. */
    public boolean hidden() {
        return deleted || (catalog != null && catalog.isHidden());
    }

    /** True while the catalog knows something about this article that must outlive its views. */
    public boolean hasCatalogState() {
        return catalog != null || deleted;
    }

    /** How a list shows this article now. */
    ArticleLooks listLooks() {
        return new ArticleLooks(key.articleId(), title(), url(), section(), summary(), imageUrl(), publishedAt());
    }

    /** This article as a list shows it, with the views and visitors the lists have filed it under. */
    Candidate candidate(Period period) {
        return new Candidate(listLooks(), filing.views(period), filing.visitors(period));
    }

    /** This article as a trending list shows it: its last hour's views and visitors, and its score. */
    Candidate trendingCandidate() {
        return new Candidate(
                listLooks(), filing.views(Period.LAST_HOUR), filing.visitors(Period.LAST_HOUR), filing.trend());
    }

    /** The trending score a list files this article under at {@code now}: none while it is hidden. */
    TrendScore trend(TrendingRule rule, long now) {
        return hidden() ? TrendScore.NONE : rule.score(counts, firstSeenAt, now);
    }

    Leaderboards.Filing filing() {
        return filing;
    }

    /** True when its looks changed since the leaderboards last filed it. */
    boolean looksChanged() {
        return looksChanged;
    }

    /** The leaderboards have filed its looks as they are now. */
    void looksFiled() {
        looksChanged = false;
    }

    /** True when this article's place or looks in a list may differ from what the leaderboards hold. */
    boolean needsRanking() {
        if (looksChanged || !Objects.equals(filing.section(), section())) {
            return true;
        }
        for (Period period : Period.values()) {
            if (filing.views(period) != rankedViews(period) || filing.visitors(period) != rankedVisitors(period)) {
                return true;
            }
        }
        return false;
    }

    /** The views a list files this article under: none while it is hidden. */
    long rankedViews(Period period) {
        return hidden() ? 0 : counts.views(period);
    }

    /** The visitors a list files this article under: none while it is hidden. */
    long rankedVisitors(Period period) {
        return hidden() ? 0 : counts.visitors(period);
    }

    public ArticleKey key() {
        return key;
    }

    public String site() {
        return key.site();
    }

    public String articleId() {
        return key.articleId();
    }

    public String section() {
        return catalog != null && catalog.section() != null ? catalog.section() : viewSection;
    }

    public String title() {
        return catalog != null && catalog.title() != null ? catalog.title() : viewTitle.shown();
    }

    public String url() {
        return catalog != null && catalog.url() != null ? catalog.url() : viewUrl.shown();
    }

    /** The article's lede, kept once per article (not per view): the catalog's, else the confirmed one from views. */
    public String summary() {
        return catalog != null && catalog.summary() != null ? catalog.summary() : viewSummary.shown();
    }

    public String imageUrl() {
        return catalog != null && catalog.imageUrl() != null ? catalog.imageUrl() : viewImageUrl.shown();
    }

    public Instant publishedAt() {
        return catalog == null ? null : catalog.publishedAt();
    }

    /**
     * What {@code published} windows go by: the catalog's {@code publishedAt}, else the first view this
     * partition counted (0 while neither is known).
     */
    public long publishedOrFirstSeen() {
        Instant published = publishedAt();
        return published != null ? published.toEpochMilli() : firstSeenAt;
    }

    public long firstSeenAt() {
        return firstSeenAt;
    }

    /** Restores when the article was first seen (from the changelog). */
    public void firstSeenAt(long at) {
        this.firstSeenAt = at;
    }

    public Shown fromViews() {
        return new Shown(viewSection, viewTitle.shown(), viewUrl.shown(), viewImageUrl.shown(), viewSummary.shown());
    }

    public Article catalog() {
        return catalog;
    }

    public boolean deleted() {
        return deleted;
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
