package dev.mostread.ranker.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mostread.ranker.ranking.ArticleLooks;
import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.shared.ranking.ListKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final ListKey HOUR = ListKey.parse("news21/1h/_all").orElseThrow();
    private static final ListKey DAY = ListKey.parse("news21/24h/_all").orElseThrow();
    private static final ListKey POLITICS = ListKey.parse("news21/1h/정치").orElseThrow();

    private KeyValueStore<Bytes, byte[]> inner;
    private ListStore store;

    @BeforeEach
    void openStores() {
        inner = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("lists"), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store = new ListStore(inner);
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    private static ArticleLooks looks(int i, String title) {
        return new ArticleLooks(
                "기사-" + i,
                title,
                "https://news21.example/기사/" + i,
                "정치",
                "요약 " + i + ": 많이 본 뉴스의 첫 문단, 독자가 목록에서 읽는 한두 문장입니다.",
                "https://img.news21.example/" + i + ".jpg",
                NOW.minusSeconds(i));
    }

    private static PartitionCandidates top(int partition, int n, long views) {
        List<Candidate> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Candidate(looks(i, "제목 " + i), views - i, (views - i) / 2));
        }
        return new PartitionCandidates(partition, NOW, NOW, items, 0L);
    }

    /** One partition's proposal for one list, as the publisher takes it: in a batch. */
    private static void propose(ListStore store, ListKey list, PartitionCandidates candidates) {
        store.candidates(new CandidateBatch(List.of(new CandidateBatch.ListCandidates(list, candidates))));
    }

    private Map<String, byte[]> records() {
        Map<String, byte[]> records = new HashMap<>();
        try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
            all.forEachRemaining((KeyValue<Bytes, byte[]> entry) ->
                    records.put(new String(entry.key.get(), StandardCharsets.UTF_8), entry.value));
        }
        return records;
    }

    private long looksRecords() {
        return records().keySet().stream()
                .filter(key -> key.startsWith("\0looks\0"))
                .count();
    }

    private ListStore reloaded() {
        ListStore again = new ListStore(inner);
        again.load();
        return again;
    }

    @Test
    void anArticleInManyListsHasItsLooksWrittenOnceAndEveryListReadsBackWithThem() {
        propose(store, HOUR, top(0, 70, 1_000));
        propose(store, DAY, top(0, 70, 9_000));
        propose(store, POLITICS, top(0, 10, 1_000));
        propose(store, HOUR, top(1, 5, 500));
        store.flushCache();

        assertThat(looksRecords()).isEqualTo(70);
        ListStore loaded = reloaded();
        for (ListKey list : List.of(HOUR, DAY, POLITICS)) {
            assertThat(loaded.get(list).partitions).isEqualTo(store.get(list).partitions);
        }
    }

    @Test
    void equalLooksArrivingInManyBatchesAreKeptAsOneInstance() {
        propose(store, HOUR, top(0, 3, 100));
        propose(store, DAY, top(0, 3, 900)); // equal looks, other instances (as each batch decodes its own)

        assertThat(store.get(DAY).partitions.get(0).items().get(2).looks())
                .isSameAs(store.get(HOUR).partitions.get(0).items().get(2).looks());
    }

    @Test
    void aListsRecordNamesItsLooksInAFractionOfTheBytesThatCarryingThemTakes() {
        PartitionCandidates candidates = top(0, 70, 1_000);
        propose(store, HOUR, candidates);
        store.flushCache();

        int named = records().get(HOUR + "\0" + 0).length;

        assertThat(named).isLessThan(CandidatesCodec.encode(candidates, CandidatesCodec.NO_RECORDS).length / 4);
    }

    @Test
    void newLooksGetARecordOfTheirOwnAndTheOldOnesGoWithTheirLastItem() {
        propose(store, HOUR, top(0, 1, 100));
        propose(store, DAY, top(0, 1, 900));
        store.flushCache();
        PartitionCandidates retitled =
                new PartitionCandidates(0, NOW, NOW, List.of(new Candidate(looks(0, "고친 제목"), 101, 50L)), 0L);

        propose(store, HOUR, retitled);
        store.flushCache();

        // the day's list still shows the old title: both versions are kept, and each list reads back with its own
        assertThat(looksRecords()).isEqualTo(2);
        assertThat(reloaded().get(HOUR).partitions.get(0)).isEqualTo(retitled);
        assertThat(reloaded().get(DAY).partitions.get(0).items().get(0).looks().title())
                .isEqualTo("제목 0");

        propose(store, DAY, new PartitionCandidates(0, NOW, NOW, retitled.items(), 0L));
        store.flushCache();

        assertThat(looksRecords()).isEqualTo(1);
        assertThat(reloaded().get(DAY).partitions.get(0).items().get(0).looks().title())
                .isEqualTo("고친 제목");
    }

    @Test
    void aForgottenListTakesTheLooksOnlyItShowedWithIt() {
        propose(store, HOUR, top(0, 20, 1_000));
        propose(store, POLITICS, top(0, 5, 1_000));
        store.flushCache();

        store.forget(HOUR);
        store.flushCache();

        assertThat(looksRecords()).isEqualTo(5);
        store.forget(POLITICS);
        store.flushCache();
        assertThat(records()).isEmpty();
    }

    @Test
    void anEmptiedPartitionLetsItsLooksGo() {
        propose(store, HOUR, top(2, 3, 100));
        store.flushCache();

        propose(store, HOUR, new PartitionCandidates(2, NOW, NOW, List.of(), 0L));
        store.flushCache();

        assertThat(records()).isEmpty();
    }

    @Test
    void listsWrittenWithTheirLooksInlineBeforeAnUpgradeAreReadAndNameRecordsFromTheNextCommit() throws IOException {
        PartitionCandidates candidates = top(4, 30, 1_000);
        inner.put(
                Bytes.wrap((HOUR + "\0" + 4).getBytes(StandardCharsets.UTF_8)),
                CandidatesCodecTest.inlineRecord(candidates));

        ListStore upgraded = reloaded();
        assertThat(upgraded.get(HOUR).partitions.get(4)).isEqualTo(candidates);

        propose(upgraded, HOUR, top(4, 30, 2_000));
        upgraded.flushCache();
        assertThat(looksRecords()).isEqualTo(30);
        assertThat(reloaded().get(HOUR).partitions.get(4)).isEqualTo(top(4, 30, 2_000));
    }

    @Test
    void aListNamingLooksThatNoRecordHoldsIsRefusedRatherThanShownWithout() {
        propose(store, HOUR, top(0, 3, 100));
        store.flushCache();
        records().keySet().stream()
                .filter(key -> key.startsWith("\0looks\0"))
                .forEach(key -> inner.delete(Bytes.wrap(key.getBytes(StandardCharsets.UTF_8))));

        assertThatThrownBy(this::reloaded)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("of no record");
    }
}
