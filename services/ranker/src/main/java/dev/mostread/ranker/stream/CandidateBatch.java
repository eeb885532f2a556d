package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.shared.ranking.ListKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one partition proposes for one site on one tick: each changed list's top N. One record per site
 * and tick, rather than one per list, keeps the {@code list-candidates} topic to a few records a second per
 * partition however many sections a site has; it is keyed by site, so one publisher task merges all of a
 * site's lists. A site with many lists, or a start-up that proposes every list at once, gets several batches:
 * each at most {@link #MAX_BYTES} when encoded, so no batch can outgrow a Kafka record.
 */
record CandidateBatch(List<ListCandidates> lists) {

    /** A batch is closed before it would pass this size; one list alone always fits (see {@link #maxListBytes}). */
    static final int MAX_BYTES = 256 * 1024;

    /** One list's candidates from one partition. */
    record ListCandidates(ListKey list, PartitionCandidates candidates) {

        /** An upper bound of this list's encoded size: modified UTF-8 takes at most 3 bytes a char. */
        int maxBytes() {
            int bytes = 2 + 3 * list.toString().length() + 30;
            for (Candidate item : candidates.items()) {
                bytes += itemBytes(
                        length(item.articleId()),
                        length(item.title()),
                        length(item.url()),
                        length(item.section()),
                        length(item.summary()),
                        length(item.imageUrl()));
            }
            return bytes;
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** Three longs and, per text, a presence flag, a length and at most 3 bytes a char. */
    private static int itemBytes(int... textLengths) {
        int bytes = 3 * Long.BYTES;
        for (int length : textLengths) {
            bytes += 3 + 3 * length;
        }
        return bytes;
    }

    /**
     * The largest encoded size one list of {@code items} items can have, with every field at its longest: far
     * below Kafka's 1 MB record limit, so a list never needs splitting.
     */
    static int maxListBytes(
            int items, int keyChars, int idChars, int titleChars, int urlChars, int sectionChars, int summaryChars) {
        return 2
                + 3 * keyChars
                + 30
                + items * itemBytes(idChars, titleChars, urlChars, sectionChars, summaryChars, urlChars);
    }

    /** {@code lists} in batches of at most {@code maxBytes} each (a single larger list gets a batch of its own). */
    static List<CandidateBatch> split(List<ListCandidates> lists, int maxBytes) {
        List<CandidateBatch> batches = new ArrayList<>();
        List<ListCandidates> current = new ArrayList<>();
        int size = 3;
        for (ListCandidates list : lists) {
            int bytes = list.maxBytes();
            if (!current.isEmpty() && size + bytes > maxBytes) {
                batches.add(new CandidateBatch(current));
                current = new ArrayList<>();
                size = 3;
            }
            current.add(list);
            size += bytes;
        }
        if (!current.isEmpty()) {
            batches.add(new CandidateBatch(current));
        }
        return batches;
    }

    CandidateBatch {
        lists = List.copyOf(lists);
    }
}
