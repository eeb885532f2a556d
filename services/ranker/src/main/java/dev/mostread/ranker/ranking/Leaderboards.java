package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.PublishedWindow;
import dev.mostread.shared.ranking.Sort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The top N of every list of one partition (each period, section and sort), exact, kept incrementally. A list by
 * visitors is kept the same way as one by views: between two expiries an article's distinct visitors only
 * grow too; so does a trending score within a minute ({@link TrendingRule}), and the minute's pass re-files
 * every article that may trend.
 *
 * <p>Between two expiries an article's views only grow, so an article outside a list's top N can only enter it
 * by being counted: each {@link #update} compares it with the list's N-th entry (one comparison for the long
 * tail) and, if it gets in, inserts it into a sorted array of N. When views shrink (buckets expire, the editors
 * hide an article, it moves to another section) and the article was in a top N, that list is marked stale and
 * selected again from every article of the partition on the next read. Articles are re-filed only when asked,
 * once per publication tick rather than once per view, so a hot article costs one move per tick however many
 * views it gets.
 */
public final class Leaderboards {

    /** An article filed in a list: {@code views} is the list's sort value (views, visitors or score). */
    private record Entry(long views, String articleId, ArticleTally tally) {

        /** {@link RankOrder}: negative when this entry ranks before {@code other}. */
        int compareTo(Entry other) {
            return RankOrder.compare(views, articleId, other.views, other.articleId);
        }
    }

    /**
     * Where the leaderboards last filed one article: its views and visitors in each period, whether it was inside
     * each {@code published} window, its section and its trending score. Kept and written by the leaderboards
     * alone; the article's tally carries it (so finding it costs nothing) and reads it to show the figures it was
     * filed under.
     */
    public static final class Filing {
        private static final boolean[] NO_WINDOWS = new boolean[0];

        private final long[] views = new long[Period.values().length];
        private final long[] visitors = new long[Period.values().length];
        private boolean[] fresh = NO_WINDOWS;
        private String section;
        private TrendScore trend = TrendScore.NONE;

        long views(Period period) {
            return views[period.ordinal()];
        }

        long visitors(Period period) {
            return visitors[period.ordinal()];
        }

        String section() {
            return section;
        }

        TrendScore trend() {
            return trend;
        }

        private boolean[] fresh(int windows) {
            if (fresh.length != windows) {
                fresh = new boolean[windows];
            }
            return fresh;
        }
    }

    /** One list's top N, best first. */
    private static final class Board {
        final Entry[] top;
        int size;
        boolean stale;
        long lastViewAt;

        Board(int capacity) {
            top = new Entry[capacity];
        }

        int indexOf(ArticleTally tally) {
            for (int i = 0; i < size; i++) {
                if (top[i].tally() == tally) {
                    return i;
                }
            }
            return -1;
        }

        /** Files {@code entry}, whose views did not shrink; true if the top N changed. */
        boolean offer(Entry entry) {
            if (size == top.length && entry.compareTo(top[size - 1]) > 0 && top[size - 1].tally() != entry.tally()) {
                return false;
            }
            int at = indexOf(entry.tally());
            if (at >= 0) {
                System.arraycopy(top, at + 1, top, at, size - at - 1);
                size--;
            }
            int insert = size;
            while (insert > 0 && entry.compareTo(top[insert - 1]) < 0) {
                insert--;
            }
            if (insert == top.length) {
                return at >= 0;
            }
            int moved = Math.min(size, top.length - 1) - insert;
            System.arraycopy(top, insert, top, insert + 1, moved);
            top[insert] = entry;
            size = Math.min(size + 1, top.length);
            return true;
        }

        void clear() {
            java.util.Arrays.fill(top, 0, size, null);
            size = 0;
        }
    }

    private final int capacity;
    private final Supplier<? extends Collection<ArticleTally>> everyArticle;
    private final List<PublishedWindow> windows;
    private final LongSupplier clock;
    private final boolean byVisitors;
    private final TrendingRule trending;
    private final Map<ListKey, Board> boards = new HashMap<>();
    private final Set<ListKey> changed = new LinkedHashSet<>();
    private final Set<ListKey> stale = new HashSet<>();

    /**
     * @param capacity the N of every top N
     * @param everyArticle every article of the partition, to select a stale list from again
     */
    public Leaderboards(int capacity, Supplier<? extends Collection<ArticleTally>> everyArticle) {
        this(capacity, everyArticle, List.of(), () -> 0L, List.of(Sort.VIEWS, Sort.VISITORS));
    }

    /**
     * @param windows the {@code published} windows: each list is kept once more per window, for the articles
     *                published (or first seen) within it
     * @param clock the wall clock the windows are measured against
     */
    public Leaderboards(
            int capacity,
            Supplier<? extends Collection<ArticleTally>> everyArticle,
            List<PublishedWindow> windows,
            LongSupplier clock) {
        this(capacity, everyArticle, windows, clock, List.of(Sort.VIEWS, Sort.VISITORS));
    }

    /** @param sorts the sorts kept: views always, visitors when asked for */
    public Leaderboards(
            int capacity,
            Supplier<? extends Collection<ArticleTally>> everyArticle,
            List<PublishedWindow> windows,
            LongSupplier clock,
            List<Sort> sorts) {
        this(capacity, everyArticle, windows, clock, sorts, TrendingRule.DEFAULTS);
    }

    /**
     * @param sorts the sorts kept: views always, visitors and trending when asked for
     * @param trending how trending scores are worked out (used when {@code sorts} has trending)
     */
    public Leaderboards(
            int capacity,
            Supplier<? extends Collection<ArticleTally>> everyArticle,
            List<PublishedWindow> windows,
            LongSupplier clock,
            List<Sort> sorts,
            TrendingRule trending) {
        this.byVisitors = sorts.contains(Sort.VISITORS);
        this.trending = sorts.contains(Sort.TRENDING) ? trending : null;
        this.capacity = capacity;
        this.everyArticle = everyArticle;
        this.windows = List.copyOf(windows);
        this.clock = clock;
    }

    /** Whether {@code tally} is inside each window now. */
    private boolean[] fresh(ArticleTally tally) {
        boolean[] fresh = new boolean[windows.size()];
        long published = tally.publishedOrFirstSeen();
        long now = clock.getAsLong();
        for (int w = 0; w < fresh.length; w++) {
            fresh[w] = published != 0 && windows.get(w).holds(published, now);
        }
        return fresh;
    }

    /**
     * True when {@code tally}'s trending score may have moved with the minute: it is filed in trending lists, or
     * had a view in the last quarter hour. The minute's pass re-files these (and only these) articles.
     */
    public boolean mayTrend(ArticleTally tally, long now) {
        return trending != null && (tally.filing().trend.ranked() > 0 || TrendingRule.mayTrend(tally.counts(), now));
    }

    /** True when {@code tally} has entered or left a {@code published} window since it was last filed. */
    public boolean agedAcrossAWindow(ArticleTally tally) {
        return !windows.isEmpty() && !java.util.Arrays.equals(fresh(tally), ranked(tally));
    }

    private boolean[] ranked(ArticleTally tally) {
        return tally.filing().fresh(windows.size());
    }

    /**
     * Moves {@code tally} to where its current views, visitors and section put it, in every list it belongs to:
     * each period's list by views and by visitors, over all sections and in its section.
     */
    public void update(ArticleTally tally) {
        boolean[] wasFresh = ranked(tally);
        boolean[] fresh = fresh(tally);
        TrendScore trend = trending == null ? TrendScore.NONE : tally.trend(trending, clock.getAsLong());
        if (!tally.needsRanking() && java.util.Arrays.equals(wasFresh, fresh) && trend.equals(tally.filing().trend)) {
            return;
        }
        Filing filing = tally.filing();
        String oldSection = filing.section;
        String newSection = tally.section();
        boolean looksChanged = tally.looksChanged();
        if (trending != null) {
            fileTrend(tally, trend, wasFresh, fresh, oldSection, newSection, looksChanged);
        }
        for (Period period : Period.values()) {
            int p = period.ordinal();
            long oldViews = filing.views[p];
            long newViews = tally.rankedViews(period);
            long oldVisitors = filing.visitors[p];
            // Every view with a visitor is a view: while a period's views stand still its visitors do too, and
            // their estimate (a union of the period's sketches) is the dearest figure here.
            long newVisitors = newViews == oldViews ? oldVisitors : tally.rankedVisitors(period);
            // a list by views shows visitors too, and one by visitors shows views: either change is a change
            boolean shown = looksChanged || oldVisitors != newVisitors || oldViews != newViews;
            for (int w = -1; w < windows.size(); w++) {
                PublishedWindow window = w < 0 ? null : windows.get(w);
                boolean before = w < 0 || wasFresh[w];
                boolean after = w < 0 || fresh[w];
                fileEverywhere(
                        Sort.VIEWS,
                        window,
                        tally,
                        period,
                        oldSection,
                        newSection,
                        before ? oldViews : 0,
                        after ? newViews : 0,
                        shown);
                if (byVisitors) {
                    fileEverywhere(
                            Sort.VISITORS,
                            window,
                            tally,
                            period,
                            oldSection,
                            newSection,
                            before ? oldVisitors : 0,
                            after ? newVisitors : 0,
                            shown);
                }
            }
            filing.views[p] = newViews;
            filing.visitors[p] = newVisitors;
        }
        System.arraycopy(fresh, 0, wasFresh, 0, fresh.length);
        filing.section = newSection;
        tally.looksFiled();
    }

    /**
     * Files {@code tally} in the trending lists under {@code trend}; they show its last hour's views and visitors,
     * so a change of those (not yet filed: this runs before the periods are) changes the list too.
     */
    private void fileTrend(
            ArticleTally tally,
            TrendScore trend,
            boolean[] wasFresh,
            boolean[] fresh,
            String oldSection,
            String newSection,
            boolean looksChanged) {
        Filing filing = tally.filing();
        TrendScore old = filing.trend;
        Period hour = Period.LAST_HOUR;
        boolean shown = looksChanged
                || !old.equals(trend)
                || filing.views(hour) != tally.rankedViews(hour)
                || filing.visitors(hour) != tally.rankedVisitors(hour);
        for (int w = -1; w < windows.size(); w++) {
            PublishedWindow window = w < 0 ? null : windows.get(w);
            boolean before = w < 0 || wasFresh[w];
            boolean after = w < 0 || fresh[w];
            fileEverywhere(
                    Sort.TRENDING,
                    window,
                    tally,
                    hour,
                    oldSection,
                    newSection,
                    before ? old.ranked() : 0,
                    after ? trend.ranked() : 0,
                    shown);
        }
        filing.trend = trend;
    }

    private void fileEverywhere(
            Sort sort,
            PublishedWindow window,
            ArticleTally tally,
            Period period,
            String oldSection,
            String newSection,
            long oldValue,
            long newValue,
            boolean shown) {
        file(new ListKey(tally.site(), period, null, sort, window), tally, oldValue, newValue, shown);
        if (!Objects.equals(oldSection, newSection)) {
            if (oldSection != null) {
                file(new ListKey(tally.site(), period, oldSection, sort, window), tally, oldValue, 0, shown);
            }
            if (newSection != null) {
                file(new ListKey(tally.site(), period, newSection, sort, window), tally, 0, newValue, shown);
            }
        } else if (newSection != null) {
            file(new ListKey(tally.site(), period, newSection, sort, window), tally, oldValue, newValue, shown);
        }
    }

    private void file(ListKey list, ArticleTally tally, long oldViews, long newViews, boolean shown) {
        if (oldViews == 0 && newViews == 0) {
            return;
        }
        Board board = boards.computeIfAbsent(list, key -> new Board(capacity));
        if (newViews > 0) {
            board.lastViewAt = Math.max(board.lastViewAt, tally.lastViewAt());
        }
        if (stale.contains(list)) {
            changed.add(list);
            return;
        }
        if (newViews < oldViews) {
            if (board.indexOf(tally) >= 0) {
                stale.add(list);
                changed.add(list);
            }
        } else if (newViews > oldViews) {
            if (board.offer(new Entry(newViews, tally.articleId(), tally))) {
                changed.add(list);
            }
        } else if (shown && board.indexOf(tally) >= 0) {
            changed.add(list);
        }
    }

    /** Selects every stale list again from all of the partition's articles, in one pass. */
    private void refresh() {
        if (stale.isEmpty()) {
            return;
        }
        for (ListKey list : stale) {
            boards.computeIfAbsent(list, key -> new Board(capacity)).clear();
        }
        for (ArticleTally tally : everyArticle.get()) {
            Filing filing = tally.filing();
            String section = filing.section;
            boolean[] fresh = ranked(tally);
            if (trending != null) {
                for (int w = -1; w < windows.size(); w++) {
                    if (w < 0 || fresh[w]) {
                        refileEverywhere(
                                Sort.TRENDING,
                                w < 0 ? null : windows.get(w),
                                tally,
                                Period.LAST_HOUR,
                                section,
                                filing.trend.ranked());
                    }
                }
            }
            for (Period period : Period.values()) {
                for (int w = -1; w < windows.size(); w++) {
                    if (w >= 0 && !fresh[w]) {
                        continue;
                    }
                    PublishedWindow window = w < 0 ? null : windows.get(w);
                    refileEverywhere(Sort.VIEWS, window, tally, period, section, filing.views(period));
                    if (byVisitors) {
                        refileEverywhere(Sort.VISITORS, window, tally, period, section, filing.visitors(period));
                    }
                }
            }
        }
        stale.clear();
    }

    private void refileEverywhere(
            Sort sort, PublishedWindow window, ArticleTally tally, Period period, String section, long value) {
        if (value > 0) {
            refile(new ListKey(tally.site(), period, null, sort, window), tally, value);
            if (section != null) {
                refile(new ListKey(tally.site(), period, section, sort, window), tally, value);
            }
        }
    }

    private void refile(ListKey list, ArticleTally tally, long views) {
        if (stale.contains(list)) {
            boards.get(list).offer(new Entry(views, tally.articleId(), tally));
        }
    }

    /**
     * The lists touched since the last call, with their current top {@code limit}; clears the mark. A list that
     * emptied is in the result one last time, with no candidates, and then forgotten.
     */
    public Map<ListKey, List<Candidate>> drainChanged(int limit) {
        refresh();
        Map<ListKey, List<Candidate>> result = new HashMap<>();
        for (ListKey list : changed) {
            result.put(list, top(list, limit));
            Board board = boards.get(list);
            if (board != null && board.size == 0) {
                boards.remove(list);
            }
        }
        changed.clear();
        return result;
    }

    /** Every article that is in some list's top N now: these are never forgotten to make room. */
    public Set<ArticleTally> listed() {
        Set<ArticleTally> listed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Board board : boards.values()) {
            for (int i = 0; i < board.size; i++) {
                listed.add(board.top[i].tally());
            }
        }
        return listed;
    }

    /** How many lists this partition holds. */
    public int size() {
        return boards.size();
    }

    public List<Candidate> top(ListKey list, int limit) {
        refresh();
        Board board = boards.get(list);
        if (board == null) {
            return List.of();
        }
        int n = Math.min(limit, board.size);
        List<Candidate> top = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Entry entry = board.top[i];
            top.add(
                    list.isTrending()
                            ? entry.tally().trendingCandidate()
                            : entry.tally().candidate(list.period()));
        }
        return top;
    }

    /** Event time of the newest view counted for {@code list} in this partition, or 0. */
    public long lastViewAt(ListKey list) {
        Board board = boards.get(list);
        return board == null ? 0L : board.lastViewAt;
    }
}
