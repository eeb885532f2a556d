package dev.mostread.ranker.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.ranker.ranking.ListMerge;
import dev.mostread.ranker.ranking.SiteDays;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Ranking;

/**
 * Merges every partition's candidates for a list and publishes the list to {@code rankings} when what
 * readers would see changed, with each item's rank in the previously published list.
 */
final class ListPublisher implements Processor<String, PartitionCandidates, String, Ranking> {

    private final String storeName;
    private final int listSize;
    private final SiteDays days;
    private final RankerMetrics metrics;
    private ProcessorContext<String, Ranking> context;
    private KeyValueStore<String, ListState> store;

    ListPublisher(String storeName, int listSize, SiteDays days, RankerMetrics metrics) {
        this.storeName = storeName;
        this.listSize = listSize;
        this.days = days;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Ranking> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, PartitionCandidates> record) {
        ListKey key = ListKey.parse(record.key()).orElse(null);
        if (key == null || record.value() == null) {
            return;
        }
        ListState state = store.get(record.key());
        Map<Integer, PartitionCandidates> partitions = state == null ? new HashMap<>() : new HashMap<>(state.partitions());
        Ranking previous = state == null ? null : state.published();
        PartitionCandidates incoming = record.value();
        if (incoming.items().isEmpty()) {
            partitions.remove(incoming.partition());
        } else {
            partitions.put(incoming.partition(), incoming);
        }
        List<List<Candidate>> candidates = new ArrayList<>(partitions.size());
        Instant lastViewAt = previous == null ? null : previous.lastViewAt();
        for (PartitionCandidates partition : partitions.values()) {
            candidates.add(partition.items());
            if (lastViewAt == null || partition.lastViewAt().isAfter(lastViewAt)) {
                lastViewAt = partition.lastViewAt();
            }
        }
        long now = context.currentSystemTimeMs();
        Instant asOf = Instant.ofEpochMilli(now);
        Instant windowStart = Instant.ofEpochMilli(key.period().isRolling() ? key.period().windowStart(now)
                : days.startOfDay(key.site(), now));
        Ranking next = ListMerge.merge(key, candidates, listSize, previous, asOf, windowStart, lastViewAt);
        if (ListMerge.sameList(previous, next)) {
            store.put(record.key(), new ListState(partitions, previous));
            return;
        }
        store.put(record.key(), new ListState(partitions, next));
        context.forward(new Record<>(record.key(), next, asOf.toEpochMilli()));
        metrics.published(incoming.oldestArrival() > 0 ? now - incoming.oldestArrival() : -1);
    }
}
