package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.ranker.ranking.TrendScore;
import dev.mostread.shared.ranking.ListKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one partition proposes for one site on one tick: each changed list's top N. One record per site
 * and tick, rather than one per list, keeps the {@code list-candidates} topic to a few records a second per
 * partition however many sections a site has; it is keyed by site, so one publisher task merges all of a
 * site's lists. A site with many lists, or a start-up that proposes every list at once, gets several batches:
 * each at most {@link #MAX_BYTES} when encoded, so no batch can outgrow a Kafka record. A batch carries each
 * article's {@link Looks} once ({@link CandidatesCodec}).
 */
record CandidateBatch(List<ListCandidates> lists) {

    /** A batch is closed before it would pass this size; one list alone always fits (see {@link #maxBytes}). */
    static final int MAX_BYTES = 256 * 1024;

    /** One list's candidates from one partition. */
    record ListCandidates(ListKey list, PartitionCandidates candidates) {

        /** An upper bound of this list's encoded size in a batch of its own. */
        int maxBytes() {
            return maxBytes(Set.of());
        }

        /**
         * An upper bound of this list's encoded size in a batch that already holds the looks {@code inBatch} (a
         * list names each article once): UTF-8 takes at most 3 bytes a char (a supplementary character is two
         * chars and 4 bytes).
         */
        int maxBytes(Set<Looks> inBatch) {
            int bytes = LIST_BYTES + TEXT_BYTES + 3 * list.toString().length();
            for (Candidate item : candidates.items()) {
                Looks looks = Looks.of(item);
                bytes += RANK_BYTES + (inBatch.contains(looks) ? 0 : looks.maxBytes());
            }
            return bytes;
        }

        private void addLooksTo(Set<Looks> inBatch) {
            candidates.items().forEach(item -> inBatch.add(Looks.of(item)));
        }
    }

    /**
     * What a list shows of an article, the same in every list of a batch (one partition's tally of it, at one
     * tick): written once per batch, and referred to by the lists.
     */
    record Looks(
            String articleId,
            String title,
            String url,
            String section,
            String summary,
            String imageUrl,
            Instant publishedAt) {

        static Looks of(Candidate item) {
            return new Looks(
                    item.articleId(),
                    item.title(),
                    item.url(),
                    item.section(),
                    item.summary(),
                    item.imageUrl(),
                    item.publishedAt());
        }

        Candidate ranked(long views, Long visitors, TrendScore trend) {
            return new Candidate(
                    articleId, title, url, section, summary, imageUrl, publishedAt, views, visitors, trend);
        }

        /** Per text a length and at most 3 bytes a char, and the publication time. */
        int maxBytes() {
            return Long.BYTES
                    + text(articleId)
                    + text(title)
                    + text(url)
                    + text(section)
                    + text(summary)
                    + text(imageUrl);
        }

        private static int text(String text) {
            return TEXT_BYTES + (text == null ? 0 : 3 * text.length());
        }
    }

    /** A batch's version, number of lists and number of looks. */
    private static final int BATCH_BYTES = 1 + 2 + 4;
    /** A list's partition, three times and number of items. */
    private static final int LIST_BYTES = 4 + 3 * Long.BYTES + 2;
    /** A text's length. */
    private static final int TEXT_BYTES = 4;
    /** An item's index into the looks, views, visitors, the trend flag and the trend's three longs. */
    private static final int RANK_BYTES = 4 + 2 * Long.BYTES + 1 + 3 * Long.BYTES;

    /** {@code lists} in batches of at most {@code maxBytes} each (a single larger list gets a batch of its own). */
    static List<CandidateBatch> split(List<ListCandidates> lists, int maxBytes) {
        List<CandidateBatch> batches = new ArrayList<>();
        List<ListCandidates> current = new ArrayList<>();
        Set<Looks> inBatch = new HashSet<>();
        int size = BATCH_BYTES;
        for (ListCandidates list : lists) {
            int bytes = list.maxBytes(inBatch);
            if (!current.isEmpty() && size + bytes > maxBytes) {
                batches.add(new CandidateBatch(current));
                current = new ArrayList<>();
                inBatch.clear();
                size = BATCH_BYTES;
                bytes = list.maxBytes(inBatch);
            }
            current.add(list);
            list.addLooksTo(inBatch);
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
