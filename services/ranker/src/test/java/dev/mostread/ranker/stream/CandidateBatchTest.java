package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.ranker.ranking.ArticleLooks;
import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.RankedItem;
import dev.mostread.shared.ranking.Ranking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateBatchTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    /** A character that takes three bytes in UTF-8 and in modified UTF-8: the worst a valid field can do. */
    private static final String WIDE = "가";

    private static final int MAX_RECORD = 1_048_576;

    private static Candidate longest(int i) {
        String url = "https://news21.example/" + WIDE.repeat(2048 - 23);
        return new Candidate(
                new ArticleLooks(
                        (i + "-" + "a".repeat(128)).substring(0, 128),
                        WIDE.repeat(512),
                        url,
                        "섹".repeat(64),
                        WIDE.repeat(300),
                        url,
                        NOW),
                1_000_000L - i,
                999_999L);
    }

    private static CandidateBatch.ListCandidates list(String key, int items) {
        return list(key, 0, items);
    }

    /** A list of the articles {@code first} to {@code first + items - 1}, every field at its longest. */
    private static CandidateBatch.ListCandidates list(String key, int first, int items) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = first; i < first + items; i++) {
            candidates.add(longest(i));
        }
        return new CandidateBatch.ListCandidates(
                ListKey.parse(key).orElseThrow(), new PartitionCandidates(0, NOW, NOW, candidates, 0));
    }

    @Test
    void aFullListOfTheLongestValidItemsEncodesFarBelowKafkasRecordLimit() {
        CandidateBatch.ListCandidates full = list("news21/7d/" + "s".repeat(64), 50);
        byte[] encoded = CandidatesCodec.encode(new CandidateBatch(List.of(full)));

        assertThat(encoded.length).isLessThanOrEqualTo(full.maxBytes()).isLessThan(MAX_RECORD * 3 / 4);
    }

    @Test
    void theSameListPublishedAsJsonAlsoFitsARecord() {
        List<RankedItem> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Candidate c = longest(i);
            // a title of control characters is the longest JSON can make of 512 chars: \\u0001 is six bytes
            items.add(new RankedItem(
                    i + 1,
                    c.articleId(),
                    "\u0001".repeat(512),
                    c.looks().url(),
                    c.looks().section(),
                    "\u0001".repeat(300),
                    c.looks().imageUrl(),
                    c.looks().publishedAt(),
                    c.views(),
                    c.visitors(),
                    i + 1));
        }
        Ranking ranking =
                new Ranking(new ListKey("n".repeat(64), Period.LAST_WEEK, "s".repeat(64)), NOW, NOW, NOW, items, NOW);

        assertThat(Json.mapper().writeValueAsBytes(ranking).length).isLessThan(MAX_RECORD);
    }

    @Test
    void manyListsAreSplitIntoBatchesOfBoundedSizeAndNoneIsLost() {
        List<CandidateBatch.ListCandidates> lists = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lists.add(list("news21/1h/s" + i, 3 * i, 3));
        }

        List<CandidateBatch> batches = CandidateBatch.split(lists, CandidateBatch.MAX_BYTES);

        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches)
                .allSatisfy(batch ->
                        assertThat(CandidatesCodec.encode(batch).length).isLessThanOrEqualTo(CandidateBatch.MAX_BYTES));
        assertThat(batches.stream().flatMap(batch -> batch.lists().stream()).toList())
                .isEqualTo(lists);
    }

    @Test
    void listsOfTheSameArticlesShareABatchBecauseTheirLooksAreWrittenOnce() {
        List<CandidateBatch.ListCandidates> distinct = new ArrayList<>();
        List<CandidateBatch.ListCandidates> shared = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            distinct.add(list("news21/1h/s" + i, 10 * i, 10));
            shared.add(list("news21/1h/s" + i, 0, 10));
        }

        List<CandidateBatch> sharedBatches = CandidateBatch.split(shared, CandidateBatch.MAX_BYTES);

        assertThat(CandidateBatch.split(distinct, CandidateBatch.MAX_BYTES)).hasSizeGreaterThan(1);
        assertThat(sharedBatches).hasSize(1);
        assertThat(CandidatesCodec.encode(sharedBatches.get(0)).length).isLessThanOrEqualTo(CandidateBatch.MAX_BYTES);
    }

    @Test
    void aListLargerThanTheBatchSizeTravelsAloneRatherThanBeingCut() {
        CandidateBatch.ListCandidates big = list("news21/1h/_all", 50);
        CandidateBatch.ListCandidates small = list("news21/1h/sport", 1);

        List<CandidateBatch> batches = CandidateBatch.split(List.of(small, big, small), CandidateBatch.MAX_BYTES);

        assertThat(batches).extracting(batch -> batch.lists().size()).containsExactly(1, 1, 1);
    }
}
