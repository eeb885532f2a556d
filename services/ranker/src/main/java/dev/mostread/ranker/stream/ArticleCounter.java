package dev.mostread.ranker.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.ranker.ranking.Leaderboards;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;

/**
 * Counts each article's views in its partition and, on every tick of wall-clock time, proposes this
 * partition's top N of every list that changed. Views leave their periods on the same ticks, so lists age
 * even when no new events arrive.
 */
final class ArticleCounter implements Processor<String, PageView, String, PartitionCandidates> {

    private final String storeName;
    private final Duration tick;
    private final int listSize;
    private final RankerMetrics metrics;

    private ProcessorContext<String, PartitionCandidates> context;
    private TallyStore store;
    private Leaderboards leaderboards;
    private final Set<ArticleTally> touched = new LinkedHashSet<>();
    private final Map<ListKey, List<Candidate>> proposed = new HashMap<>();
    private long expiredAtMinute = Long.MIN_VALUE;

    ArticleCounter(String storeName, Duration tick, int listSize, RankerMetrics metrics) {
        this.storeName = storeName;
        this.tick = tick;
        this.listSize = listSize;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, PartitionCandidates> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        store.load();
        leaderboards = new Leaderboards();
        touched.clear();
        proposed.clear();
        touched.addAll(store.all());
        expiredAtMinute = Long.MIN_VALUE;
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    @Override
    public void process(Record<String, PageView> record) {
        PageView view = record.value();
        String key = record.key();
        ArticleTally tally = store.get(key);
        if (tally == null) {
            tally = new ArticleTally(view.site(), view.articleId());
        }
        tally.count(view, view.timestamp(), context.currentSystemTimeMs());
        metrics.counted();
        store.put(tally);
        touched.add(tally);
    }

    private void publish(long now) {
        expireOnNewMinute(now);
        for (ArticleTally tally : touched) {
            leaderboards.update(tally);
        }
        touched.clear();
        Instant asOf = Instant.ofEpochMilli(now);
        int partition = context.taskId().partition();
        leaderboards.drainChanged(listSize).forEach((list, top) -> {
            if (!top.equals(proposed.get(list))) {
                proposed.put(list, top);
                Instant lastViewAt = Instant.ofEpochMilli(leaderboards.lastViewAt(list));
                context.forward(new Record<>(list.toString(),
                        new PartitionCandidates(partition, asOf, lastViewAt, top), now));
            }
        });
    }

    /** Buckets leave their periods only on a minute boundary, so a full pass once a minute is enough. */
    private void expireOnNewMinute(long now) {
        long minute = Period.LAST_HOUR.bucketStart(now);
        if (minute == expiredAtMinute) {
            return;
        }
        expiredAtMinute = minute;
        List<ArticleTally> forgotten = new ArrayList<>();
        for (ArticleTally tally : store.all()) {
            if (tally.expire(now)) {
                touched.add(tally);
                if (tally.counts().isEmpty()) {
                    forgotten.add(tally);
                } else {
                    store.put(tally);
                }
            }
        }
        for (ArticleTally tally : forgotten) {
            store.remove(tally.key());
        }
    }
}
