package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.ranker.ranking.ListMerge;
import dev.mostread.ranker.ranking.SiteDays;
import dev.mostread.ranker.ranking.TrendingRule;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.Ranking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Takes every partition's candidates for a site's lists as they arrive and, every {@code interval} of wall-clock time,
 * merges each list that received some and publishes it to {@code rankings} when what readers would see changed,
 * with each item's rank in the previously published list; a list that emptied is deleted with a tombstone. Merging once per interval rather than once per
 * arriving partition publishes one version per tick instead of one per partition.
 */
final class ListPublisher implements Processor<String, CandidateBatch, String, Ranking> {

    private final String storeName;
    private final int listSize;
    private final Duration interval;
    private final SiteDays days;
    private final RankerMetrics metrics;
    private ProcessorContext<String, Ranking> context;
    private ListStore store;
    /** Lists with new candidates since the last merge, and the oldest arrival among the views behind them. */
    private final Map<ListKey, Long> pending = new HashMap<>();

    ListPublisher(String storeName, int listSize, Duration interval, SiteDays days, RankerMetrics metrics) {
        this.storeName = storeName;
        this.listSize = listSize;
        this.interval = interval;
        this.days = days;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Ranking> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        store.load();
        pending.clear();
        // Candidates committed before a crash may not have been merged yet: look at every list once.
        store.lists().forEach(list -> pending.put(list, 0L));
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    @Override
    public void process(Record<String, CandidateBatch> record) {
        if (record.value() == null) {
            return;
        }
        store.candidates(record.value());
        for (CandidateBatch.ListCandidates list : record.value().lists()) {
            long arrival = list.candidates().oldestArrival();
            pending.merge(list.list(), arrival, (a, b) -> a == 0 ? b : b == 0 ? a : Math.min(a, b));
        }
    }

    private void publish(long now) {
        if (pending.isEmpty()) {
            return;
        }
        for (Map.Entry<ListKey, Long> entry : pending.entrySet()) {
            publish(entry.getKey(), entry.getValue(), now);
        }
        pending.clear();
    }

    private void publish(ListKey key, long oldestArrival, long now) {
        ListStore.Lists state = store.get(key);
        Ranking previous = state.published;
        List<List<Candidate>> candidates = new ArrayList<>(state.partitions.size());
        Instant lastViewAt = previous == null ? null : previous.lastViewAt();
        for (PartitionCandidates partition : state.partitions.values()) {
            candidates.add(partition.items());
            if (lastViewAt == null || partition.lastViewAt().isAfter(lastViewAt)) {
                lastViewAt = partition.lastViewAt();
            }
        }
        Instant asOf = Instant.ofEpochMilli(now);
        Instant windowStart = Instant.ofEpochMilli(
                key.isTrending()
                        ? TrendingRule.recentStart(now)
                        : key.period().isRolling()
                                ? key.period().windowStart(now)
                                : key.period() == Period.TODAY
                                        ? days.startOfDay(key.site(), now)
                                        : days.startOfYesterday(key.site(), now));
        Instant windowEnd =
                key.period() == Period.YESTERDAY ? Instant.ofEpochMilli(days.startOfDay(key.site(), now)) : asOf;
        Ranking next = ListMerge.merge(key, candidates, listSize, previous, asOf, windowStart, windowEnd, lastViewAt);
        if (next.items().isEmpty()) {
            // An emptied list leaves rankings (a tombstone) and this store: nothing of it is kept for ever.
            store.forget(key);
            if (previous != null) {
                context.forward(new Record<>(key.toString(), null, now));
                metrics.published(-1);
            }
            return;
        }
        if (ListMerge.sameList(previous, next)) {
            return;
        }
        store.published(key, next);
        context.forward(new Record<>(key.toString(), next, now));
        metrics.published(oldestArrival > 0 ? now - oldestArrival : -1);
    }
}
