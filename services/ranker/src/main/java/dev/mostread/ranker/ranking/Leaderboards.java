package dev.mostread.ranker.ranking;

import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.PublishedWindow;
import dev.mostread.shared.ranking.Sort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

    /**
     * One list's top N, best first, and its marks: {@code changed} while it is in {@link #changed}, {@code stale}
     * while it is in {@link #stale}. The marks let {@link #file} test them without hashing the list's key again.
     * It stands on its shelf at {@code slot}.
     */
    private static final class Board {
        final ListKey key;
        final Shelf shelf;
        final int slot;
        final Entry[] top;
        int size;
        boolean changed;
        boolean stale;
        long lastViewAt;

        Board(ListKey key, Shelf shelf, int slot, int capacity) {
            this.key = key;
            this.shelf = shelf;
            this.slot = slot;
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

        /**
         * Files {@code tally} under {@code views}, which did not shrink; true if the top N changed. An article that
         * does not make it costs one comparison and no entry (most of a long tail).
         */
        boolean offer(long views, ArticleTally tally) {
            Entry last = size == top.length ? top[size - 1] : null;
            if (last != null
                    && last.tally() != tally
                    && RankOrder.compare(views, tally.articleId(), last.views(), last.articleId()) > 0) {
                return false;
            }
            Entry entry = new Entry(views, tally.articleId(), tally);
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

    /**
     * The boards of one site over all its sections ({@code section} null), or of one section of it: one slot for
     * each sort, {@code published} window and period ({@link #slot}). An article finds every list it is filed in
     * through two shelves (its site's and its section's), where a {@link ListKey} for each list would cost a new key
     * and a hash look-up each.
     */
    private static final class Shelf {
        final String site;
        final String section;
        final Board[] boards;
        int size;

        Shelf(String site, String section, int slots) {
            this.site = site;
            this.section = section;
            this.boards = new Board[slots];
        }
    }

    private static final int PERIODS = Period.values().length;

    private final int capacity;
    private final Supplier<? extends Collection<ArticleTally>> everyArticle;
    private final List<PublishedWindow> windows;
    private final LongSupplier clock;
    private final boolean byVisitors;
    private final TrendingRule trending;
    /**
     * Each site's shelves by section (null: the lists over all sections); a shelf goes with its last board. The
     * shelves are the only index of the boards: a {@link ListKey} names a shelf and a slot on it ({@link #board}).
     */
    private final Map<String, Map<String, Shelf>> shelves = new HashMap<>();

    private final List<Board> changed = new ArrayList<>();
    private final List<Board> stale = new ArrayList<>();

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
        Place place = new Place(tally.site(), filing.section, tally.section());
        boolean looksChanged = tally.looksChanged();
        if (trending != null) {
            fileTrend(place, tally, trend, wasFresh, fresh, looksChanged);
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
                boolean before = w < 0 || wasFresh[w];
                boolean after = w < 0 || fresh[w];
                fileEverywhere(place, Sort.VIEWS, w, tally, period, before ? oldViews : 0, after ? newViews : 0, shown);
                if (byVisitors) {
                    fileEverywhere(
                            place,
                            Sort.VISITORS,
                            w,
                            tally,
                            period,
                            before ? oldVisitors : 0,
                            after ? newVisitors : 0,
                            shown);
                }
            }
            filing.views[p] = newViews;
            filing.visitors[p] = newVisitors;
        }
        System.arraycopy(fresh, 0, wasFresh, 0, fresh.length);
        filing.section = place.newSection;
        tally.looksFiled();
    }

    /**
     * Files {@code tally} in the trending lists under {@code trend}; they show its last hour's views and visitors,
     * so a change of those (not yet filed: this runs before the periods are) changes the list too.
     */
    private void fileTrend(
            Place place,
            ArticleTally tally,
            TrendScore trend,
            boolean[] wasFresh,
            boolean[] fresh,
            boolean looksChanged) {
        Filing filing = tally.filing();
        TrendScore old = filing.trend;
        Period hour = Period.LAST_HOUR;
        boolean shown = looksChanged
                || !old.equals(trend)
                || filing.views(hour) != tally.rankedViews(hour)
                || filing.visitors(hour) != tally.rankedVisitors(hour);
        for (int w = -1; w < windows.size(); w++) {
            boolean before = w < 0 || wasFresh[w];
            boolean after = w < 0 || fresh[w];
            fileEverywhere(
                    place, Sort.TRENDING, w, tally, hour, before ? old.ranked() : 0, after ? trend.ranked() : 0, shown);
        }
        filing.trend = trend;
    }

    /** Files {@code tally} in one list over all sections and in its section's, or moves it between sections. */
    private void fileEverywhere(
            Place place,
            Sort sort,
            int window,
            ArticleTally tally,
            Period period,
            long oldValue,
            long newValue,
            boolean shown) {
        int slot = slot(sort, window, period);
        file(place, Place.ALL, slot, tally, oldValue, newValue, shown);
        if (!place.sameSection()) {
            if (place.oldSection != null) {
                file(place, Place.OLD, slot, tally, oldValue, 0, shown);
            }
            if (place.newSection != null) {
                file(place, Place.NEW, slot, tally, 0, newValue, shown);
            }
        } else if (place.newSection != null) {
            file(place, Place.NEW, slot, tally, oldValue, newValue, shown);
        }
    }

    private void file(
            Place place, int shelf, int slot, ArticleTally tally, long oldViews, long newViews, boolean shown) {
        if (oldViews == 0 && newViews == 0) {
            return;
        }
        Board board = place.board(shelf, slot);
        if (newViews > 0) {
            board.lastViewAt = Math.max(board.lastViewAt, tally.lastViewAt());
        }
        if (board.stale) {
            markChanged(board);
            return;
        }
        if (newViews < oldViews) {
            if (board.indexOf(tally) >= 0) {
                board.stale = true;
                stale.add(board);
                markChanged(board);
            }
        } else if (newViews > oldViews) {
            if (board.offer(newViews, tally)) {
                markChanged(board);
            }
        } else if (shown && board.indexOf(tally) >= 0) {
            markChanged(board);
        }
    }

    private void markChanged(Board board) {
        if (!board.changed) {
            board.changed = true;
            changed.add(board);
        }
    }

    /** Where a list of {@code sort}, {@code window} (-1: none) and {@code period} stands on its shelf. */
    private int slot(Sort sort, int window, Period period) {
        return (sort.ordinal() * (windows.size() + 1) + window + 1) * PERIODS + period.ordinal();
    }

    /** The list that stands at {@code slot} of {@code shelf}: {@link #slot} read back. */
    private ListKey listAt(Shelf shelf, int slot) {
        int window = slot / PERIODS % (windows.size() + 1) - 1;
        return new ListKey(
                shelf.site,
                Period.values()[slot % PERIODS],
                shelf.section,
                Sort.values()[slot / PERIODS / (windows.size() + 1)],
                window < 0 ? null : windows.get(window));
    }

    /** How many slots a shelf has: one per sort, window (and none) and period. */
    private int slots() {
        return Sort.values().length * (windows.size() + 1) * PERIODS;
    }

    /** The shelf of {@code site}'s lists in {@code section} (null: over all sections), made if asked and missing. */
    private Shelf shelf(String site, String section, boolean make) {
        Map<String, Shelf> bySection = shelves.get(site);
        if (bySection == null) {
            if (!make) {
                return null;
            }
            bySection = new HashMap<>();
            shelves.put(site, bySection);
        }
        Shelf shelf = bySection.get(section);
        if (shelf == null && make) {
            shelf = new Shelf(site, section, slots());
            bySection.put(section, shelf);
        }
        return shelf;
    }

    /** Takes {@code board} off its shelf and out of the lists, and the shelf with it when it was the last. */
    private void remove(Board board) {
        Shelf shelf = board.shelf;
        shelf.boards[board.slot] = null;
        if (--shelf.size == 0) {
            Map<String, Shelf> bySection = shelves.get(shelf.site);
            bySection.remove(shelf.section);
            if (bySection.isEmpty()) {
                shelves.remove(shelf.site);
            }
        }
    }

    /**
     * The shelves one update files an article on, found once: its site's over all sections, and those of the
     * section it was filed in and of the one it is in now (one shelf when they are the same). A shelf or board
     * missing is made when a list needs it.
     */
    private final class Place {
        static final int ALL = 0;
        static final int OLD = 1;
        static final int NEW = 2;

        final String site;
        final String oldSection;
        final String newSection;
        private final Shelf[] found = new Shelf[3];

        Place(String site, String oldSection, String newSection) {
            this.site = site;
            this.oldSection = oldSection;
            this.newSection = newSection;
            found[ALL] = shelf(site, null, false);
            found[OLD] = oldSection == null ? null : shelf(site, oldSection, false);
            found[NEW] = sameSection() ? found[OLD] : newSection == null ? null : shelf(site, newSection, false);
        }

        boolean sameSection() {
            return Objects.equals(oldSection, newSection);
        }

        private String section(int shelf) {
            return shelf == ALL ? null : shelf == OLD ? oldSection : newSection;
        }

        Board board(int shelf, int slot) {
            Shelf on = found[shelf];
            if (on == null) {
                on = shelf(site, section(shelf), true);
                found[shelf] = on;
                if (shelf != ALL && sameSection()) {
                    found[OLD] = on;
                    found[NEW] = on;
                }
            }
            Board board = on.boards[slot];
            if (board == null) {
                ListKey key = listAt(on, slot);
                board = new Board(key, on, slot, capacity);
                on.boards[slot] = board;
                on.size++;
            }
            return board;
        }
    }

    /** Selects every stale list again from all of the partition's articles, in one pass. */
    private void refresh() {
        if (stale.isEmpty()) {
            return;
        }
        for (Board board : stale) {
            board.clear();
        }
        for (ArticleTally tally : everyArticle.get()) {
            Filing filing = tally.filing();
            Shelf all = shelf(tally.site(), null, false);
            Shelf section = filing.section == null ? null : shelf(tally.site(), filing.section, false);
            if (all == null && section == null) {
                continue;
            }
            boolean[] fresh = ranked(tally);
            if (trending != null) {
                for (int w = -1; w < windows.size(); w++) {
                    if (w < 0 || fresh[w]) {
                        refileEverywhere(
                                all, section, slot(Sort.TRENDING, w, Period.LAST_HOUR), tally, filing.trend.ranked());
                    }
                }
            }
            for (Period period : Period.values()) {
                for (int w = -1; w < windows.size(); w++) {
                    if (w >= 0 && !fresh[w]) {
                        continue;
                    }
                    refileEverywhere(all, section, slot(Sort.VIEWS, w, period), tally, filing.views(period));
                    if (byVisitors) {
                        refileEverywhere(all, section, slot(Sort.VISITORS, w, period), tally, filing.visitors(period));
                    }
                }
            }
        }
        for (Board board : stale) {
            board.stale = false;
        }
        stale.clear();
    }

    private static void refileEverywhere(Shelf all, Shelf section, int slot, ArticleTally tally, long value) {
        if (value > 0) {
            refile(all, slot, tally, value);
            refile(section, slot, tally, value);
        }
    }

    private static void refile(Shelf shelf, int slot, ArticleTally tally, long views) {
        Board board = shelf == null ? null : shelf.boards[slot];
        if (board != null && board.stale) {
            board.offer(views, tally);
        }
    }

    /**
     * The lists touched since the last call, with their current top {@code limit}; clears the mark. A list that
     * emptied is in the result one last time, with no candidates, and then forgotten.
     */
    public Map<ListKey, List<Candidate>> drainChanged(int limit) {
        refresh();
        Map<ListKey, List<Candidate>> result = new HashMap<>();
        for (Board board : changed) {
            result.put(board.key, top(board, limit));
            board.changed = false;
            if (board.size == 0) {
                remove(board);
            }
        }
        changed.clear();
        return result;
    }

    /** Every article that is in some list's top N now: these are never forgotten to make room. */
    public Set<ArticleTally> listed() {
        Set<ArticleTally> listed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map<String, Shelf> bySection : shelves.values()) {
            for (Shelf shelf : bySection.values()) {
                for (Board board : shelf.boards) {
                    for (int i = 0; board != null && i < board.size; i++) {
                        listed.add(board.top[i].tally());
                    }
                }
            }
        }
        return listed;
    }

    /** How many lists this partition holds. */
    public int size() {
        int size = 0;
        for (Map<String, Shelf> bySection : shelves.values()) {
            for (Shelf shelf : bySection.values()) {
                size += shelf.size;
            }
        }
        return size;
    }

    public List<Candidate> top(ListKey list, int limit) {
        refresh();
        Board board = board(list);
        return board == null ? List.of() : top(board, limit);
    }

    /** The board of {@code list}, found on its shelf; null when this partition holds no such list. */
    private Board board(ListKey list) {
        int window = list.published() == null ? -1 : windows.indexOf(list.published());
        Shelf shelf = shelf(list.site(), list.section(), false);
        if (shelf == null || window < 0 && list.published() != null) {
            return null;
        }
        return shelf.boards[slot(list.sort(), window, list.period())];
    }

    private static List<Candidate> top(Board board, int limit) {
        ListKey list = board.key;
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
        Board board = board(list);
        return board == null ? 0L : board.lastViewAt;
    }
}
