package dev.mostread.ranker.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;

/**
 * Every list of one partition, each kept fully ordered so that its top N is exact even as views leave
 * the period. Articles are re-filed only when asked ({@link #update}), once per publication tick rather
 * than once per view, so a hot article costs one move per tick however many views it gets.
 */
public final class Leaderboards {

    private record Entry(long views, String articleId, ArticleTally tally) {
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparingLong(Entry::views).reversed()
            .thenComparing(Entry::articleId);

    private final Map<ListKey, TreeSet<Entry>> boards = new HashMap<>();
    private final Map<ListKey, Long> lastViewAt = new HashMap<>();
    private final Set<ListKey> changed = new LinkedHashSet<>();

    /** Moves {@code tally} to where its current views and section put it, in every list it belongs to. */
    public void update(ArticleTally tally) {
        if (!tally.needsRanking()) {
            return;
        }
        boolean sectionChanged = !Objects.equals(tally.rankedSection, tally.section());
        for (Period period : Period.values()) {
            int p = period.ordinal();
            long oldViews = tally.rankedViews[p];
            long newViews = tally.rankedViews(period);
            if (oldViews != newViews || sectionChanged) {
                if (oldViews > 0) {
                    remove(ListKey.allSections(tally.site(), period), oldViews, tally);
                    if (tally.rankedSection != null) {
                        remove(new ListKey(tally.site(), period, tally.rankedSection), oldViews, tally);
                    }
                }
                if (newViews > 0) {
                    add(ListKey.allSections(tally.site(), period), newViews, tally);
                    if (tally.section() != null) {
                        add(new ListKey(tally.site(), period, tally.section()), newViews, tally);
                    }
                }
            } else if (newViews > 0) {
                // Same place, new looks or visitors: the lists must still be proposed again.
                touch(ListKey.allSections(tally.site(), period), tally);
                if (tally.section() != null) {
                    touch(new ListKey(tally.site(), period, tally.section()), tally);
                }
            }
            tally.rankedViews[p] = newViews;
            tally.rankedVisitors[p] = tally.counts().visitors(period);
        }
        tally.rankedSection = tally.section();
        tally.showChanged = false;
    }

    private void remove(ListKey list, long views, ArticleTally tally) {
        TreeSet<Entry> board = boards.get(list);
        if (board != null && board.remove(new Entry(views, tally.articleId(), tally))) {
            changed.add(list);
        }
    }

    private void add(ListKey list, long views, ArticleTally tally) {
        boards.computeIfAbsent(list, key -> new TreeSet<>(ORDER)).add(new Entry(views, tally.articleId(), tally));
        touch(list, tally);
    }

    private void touch(ListKey list, ArticleTally tally) {
        lastViewAt.merge(list, tally.lastViewAt(), Math::max);
        changed.add(list);
    }

    /** The lists touched since the last call, with their current top {@code limit}; clears the mark. */
    public Map<ListKey, List<Candidate>> drainChanged(int limit) {
        Map<ListKey, List<Candidate>> result = new HashMap<>();
        for (ListKey list : changed) {
            result.put(list, top(list, limit));
        }
        changed.clear();
        return result;
    }

    public List<Candidate> top(ListKey list, int limit) {
        TreeSet<Entry> board = boards.get(list);
        if (board == null) {
            return List.of();
        }
        List<Candidate> top = new ArrayList<>(Math.min(limit, board.size()));
        Iterator<Entry> entries = board.iterator();
        while (top.size() < limit && entries.hasNext()) {
            Entry entry = entries.next();
            top.add(entry.tally().candidate(list.period(), entry.views()));
        }
        return top;
    }

    /** Event time of the newest view counted for {@code list} in this partition, or 0. */
    public long lastViewAt(ListKey list) {
        return lastViewAt.getOrDefault(list, 0L);
    }

    public int size(ListKey list) {
        TreeSet<Entry> board = boards.get(list);
        return board == null ? 0 : board.size();
    }
}
