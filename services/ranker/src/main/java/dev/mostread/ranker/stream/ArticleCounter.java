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
import dev.mostread.ranker.ranking.RecentVisits;
import dev.mostread.ranker.ranking.SiteDays;
import dev.mostread.ranker.stream.RankerMetrics.FilterReason;
import dev.mostread.shared.article.Article;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;

/**
 * Counts each article's views in its partition, applies its catalog entry, and on every tick of wall-clock
 * time proposes this partition's top N of every list that changed. Views leave their periods on the same
 * ticks, so lists age even when no new events arrive.
 */
final class ArticleCounter implements Processor<String, ArticleInput, String, CandidateBatch> {

    /** How far back a view may arrive and still be checked against remembered visits. */
    static final Duration LATE_VISITS = Duration.ofMinutes(5);

    private final RankerTopology.Settings settings;
    private final RankerMetrics metrics;

    private ProcessorContext<String, CandidateBatch> context;
    private TallyStore store;
    private Leaderboards leaderboards;
    private RecentVisits recentVisits;
    private SiteDays days;
    private final Set<ArticleTally> touched = new LinkedHashSet<>();
    private final Map<ListKey, List<Candidate>> proposed = new HashMap<>();
    private long expiredAtMinute = Long.MIN_VALUE;
    private long oldestArrival = Long.MAX_VALUE;

    ArticleCounter(RankerTopology.Settings settings, RankerMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CandidateBatch> context) {
        this.context = context;
        this.store = context.getStateStore(RankerTopology.TALLY_STORE);
        this.days = new SiteDays(settings.zones());
        store.load();
        leaderboards = new Leaderboards(settings.listSize(), store::all);
        touched.clear();
        proposed.clear();
        touched.addAll(store.all());
        expiredAtMinute = Long.MIN_VALUE;
        loadRecentVisits(context.currentSystemTimeMs());
        context.schedule(settings.tick(), PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    private void loadRecentVisits(long now) {
        recentVisits = new RecentVisits(settings.dedupeWindow().toMillis());
        long from = now - settings.dedupeWindow().toMillis() - LATE_VISITS.toMillis();
        for (TallyStore.Visit visit : store.loadedVisits()) {
            if (visit.eventTime() >= from) {
                recentVisits.restore(visit.key(), visit.eventTime());
            }
        }
    }

    @Override
    public void process(Record<String, ArticleInput> record) {
        ArticleInput input = record.value();
        if (input.isView()) {
            oldestArrival = Math.min(oldestArrival, input.arrivedAt());
            count(record.key(), input.view());
        } else {
            applyCatalog(record.key(), input.article());
        }
    }

    private void count(String key, PageView view) {
        long now = context.currentSystemTimeMs();
        long eventTime = view.timestamp();
        String visitKey = view.visitorId() == null ? null : RecentVisits.key(key, view.visitorId());
        if (visitKey != null && recentVisits.isRepeat(visitKey, eventTime)) {
            metrics.filtered(FilterReason.DUPLICATE);
            return;
        }
        ArticleTally tally = store.get(key);
        if (tally == null) {
            tally = new ArticleTally(view.site(), view.articleId());
        }
        tally.count(view, eventTime, now, days.startOfDay(view.site(), now));
        if (visitKey != null) {
            rememberVisit(visitKey, eventTime);
        }
        if (tally.hidden()) {
            metrics.filtered(FilterReason.HIDDEN);
        } else {
            metrics.counted();
        }
        store.put(tally);
        touched.add(tally);
    }

    /** Kept in memory for decisions, and journaled in the tally store so a restarted task decides the same way. */
    private void rememberVisit(String visitKey, long eventTime) {
        recentVisits.counted(visitKey, eventTime);
        store.visit(visitKey, eventTime);
    }

    private void applyCatalog(String key, Article article) {
        ArticleTally tally = store.get(key);
        if (tally == null) {
            if (article == null) {
                return;
            }
            int slash = key.indexOf('/');
            tally = new ArticleTally(key.substring(0, slash), key.substring(slash + 1));
        }
        tally.catalog(article);
        if (article == null && tally.counts().isEmpty()) {
            store.remove(key);
        } else {
            store.put(tally);
        }
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
        long arrival = oldestArrival == Long.MAX_VALUE ? 0L : oldestArrival;
        oldestArrival = Long.MAX_VALUE;
        Map<String, List<CandidateBatch.ListCandidates>> bySite = new HashMap<>();
        leaderboards.drainChanged(settings.listSize()).forEach((list, top) -> {
            if (!top.equals(proposed.get(list))) {
                proposed.put(list, top);
                Instant lastViewAt = Instant.ofEpochMilli(leaderboards.lastViewAt(list));
                bySite.computeIfAbsent(list.site(), site -> new ArrayList<>()).add(new CandidateBatch.ListCandidates(
                        list.toString(), new PartitionCandidates(partition, asOf, lastViewAt, top, arrival)));
            }
        });
        bySite.forEach((site, lists) -> context.forward(new Record<>(site, new CandidateBatch(lists), now)));
    }

    /**
     * Buckets leave their periods, and days end, only on a minute boundary (every real time zone is offset
     * from UTC by whole quarter hours), so one pass over every article once a minute is enough.
     */
    private void expireOnNewMinute(long now) {
        long minute = Period.LAST_HOUR.bucketStart(now);
        if (minute == expiredAtMinute) {
            return;
        }
        expiredAtMinute = minute;
        long horizon = now - settings.dedupeWindow().toMillis() - LATE_VISITS.toMillis();
        recentVisits.forgetBefore(horizon);
        store.forgetVisitsBefore(horizon);
        List<ArticleTally> forgotten = new ArrayList<>();
        for (ArticleTally tally : store.all()) {
            if (tally.expire(now, days.startOfDay(tally.site(), now))) {
                touched.add(tally);
                if (tally.counts().isEmpty() && tally.catalog() == null) {
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
