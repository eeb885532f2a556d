package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.ArticleLooks;
import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.ranker.ranking.TrendScore;
import dev.mostread.shared.ranking.ListKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * Everything one partition proposes for one site on one tick: each changed list's top N. One record per site
 * and tick, rather than one per list, keeps the {@code list-candidates} topic to a few records a second per
 * partition however many sections a site has; it is keyed by site, so one publisher task merges all of a
 * site's lists. A site with many lists, or a start-up that proposes every list at once, gets several batches:
 * each at most {@link #MAX_BYTES} when encoded, so no batch can outgrow a Kafka record. A batch carries each
 * article's {@link ArticleLooks} once ({@link CandidatesCodec}).
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
        int maxBytes(Set<ArticleLooks> inBatch) {
            int bytes = LIST_BYTES + TEXT_BYTES + 3 * list.toString().length();
            for (Candidate item : candidates.items()) {
                bytes += rankBytes(item) + (inBatch.contains(item.looks()) ? 0 : CandidateBatch.maxBytes(item.looks()));
            }
            return bytes;
        }

        private void addLooksTo(Set<ArticleLooks> inBatch) {
            candidates.items().forEach(item -> inBatch.add(item.looks()));
        }
    }

    /** An article's looks: per text a length and at most 3 bytes a char, and the publication time. */
    static int maxBytes(ArticleLooks looks) {
        return Long.BYTES
                + text(looks.articleId())
                + text(looks.title())
                + text(looks.url())
                + text(looks.section())
                + text(looks.summary())
                + text(looks.imageUrl());
    }

    private static int text(String text) {
        return TEXT_BYTES + (text == null ? 0 : 3 * text.length());
    }

    /** A batch's version, number of lists and number of looks. */
    private static final int BATCH_BYTES = 1 + 2 + 4;
    /** A list's partition, three times and number of items. */
    private static final int LIST_BYTES = 4 + 3 * Long.BYTES + 2;
    /** A text's length. */
    private static final int TEXT_BYTES = 4;
    /** An item's index into the looks (a variable-length int: at most 5 bytes) and the trend flag. */
    private static final int RANK_BYTES = 5 + 1;

    /** An item's figures: its index, views, visitors and trend as the codec writes them (variable-length). */
    private static int rankBytes(Candidate item) {
        int bytes = RANK_BYTES
                + ByteUtils.sizeOfVarlong(item.views())
                + ByteUtils.sizeOfVarlong(item.visitors() == null ? -1 : item.visitors());
        TrendScore trend = item.trend();
        if (trend != null) {
            bytes += ByteUtils.sizeOfVarlong(trend.scoreMillis())
                    + ByteUtils.sizeOfVarlong(trend.viewsLast15m())
                    + ByteUtils.sizeOfVarlong(trend.expectedMillis());
        }
        return bytes;
    }

    /** {@code lists} in batches of at most {@code maxBytes} each (a single larger list gets a batch of its own). */
    static List<CandidateBatch> split(List<ListCandidates> lists, int maxBytes) {
        List<CandidateBatch> batches = new ArrayList<>();
        List<ListCandidates> current = new ArrayList<>();
        Set<ArticleLooks> inBatch = new HashSet<>();
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
