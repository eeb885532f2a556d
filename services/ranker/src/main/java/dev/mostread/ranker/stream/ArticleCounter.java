package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.ArticleTally;
import dev.mostread.ranker.ranking.Candidate;
import dev.mostread.ranker.ranking.Leaderboards;
import dev.mostread.ranker.ranking.LooksPolicy;
import dev.mostread.ranker.ranking.RecentVisits;
import dev.mostread.ranker.ranking.SiteDays;
import dev.mostread.ranker.stream.RankerMetrics.FilterReason;
import dev.mostread.shared.article.Article;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.operator.ViewTotals;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Counts each article's views in its partition, applies its catalog entry, and on every tick of wall-clock
 * time proposes this partition's top N of every list that changed. Views leave their periods on the same
 * ticks, so lists age even when no new events arrive.
 */
final class ArticleCounter implements Processor<ArticleKey, ArticleInput, String, CandidateBatch> {

    /** How far back a view may arrive and still be checked against remembered visits. */
    static final Duration LATE_VISITS = Duration.ofMinutes(5);

    private final RankerTopology.Settings settings;
    private final RankerMetrics metrics;
    private ViewOutcomes outcomes;

    private ProcessorContext<String, CandidateBatch> context;
    private TallyStore store;
    private Leaderboards leaderboards;
    private RecentVisits recentVisits;
    private SiteDays days;
    private final Set<ArticleTally> touched = new LinkedHashSet<>();
    /** Tracked articles per site, and sections seen per site: what the caps are checked against. */
    private final Map<String, Integer> articlesBySite = new HashMap<>();

    private final Map<String, Set<String>> sectionsBySite = new HashMap<>();
    private final Map<ListKey, List<Candidate>> proposed = new HashMap<>();
    private long expiredAtMinute = Long.MIN_VALUE;
    private long oldestArrival = Long.MAX_VALUE;
    /** When the newest view counted since the last proposal reached mostread (MIN_VALUE: none counted). */
    private long newestArrival = Long.MIN_VALUE;
    /** When this partition last proposed its changed lists (epoch ms, 0: never). */
    private long proposedAt = 0L;

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
        TotalsStore totals = context.getStateStore(ViewTotals.STORE);
        totals.load();
        outcomes = new ViewOutcomes(metrics, totals);
        leaderboards = new Leaderboards(
                settings.listSize(),
                store::all,
                settings.publishedWithin(),
                context::currentSystemTimeMs,
                settings.sorts(),
                settings.trending());
        touched.clear();
        proposed.clear();
        touched.addAll(store.all());
        articlesBySite.clear();
        sectionsBySite.clear();
        for (ArticleTally tally : store.all()) {
            articlesBySite.merge(tally.site(), 1, Integer::sum);
            if (tally.section() != null) {
                sectionsBySite
                        .computeIfAbsent(tally.site(), site -> new HashSet<>())
                        .add(tally.section());
            }
        }
        expiredAtMinute = Long.MIN_VALUE;
        newestArrival = Long.MIN_VALUE;
        proposedAt = 0L;
        loadRecentVisits(context.currentSystemTimeMs());
        context.schedule(settings.tick(), PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    private void loadRecentVisits(long now) {
        recentVisits = new RecentVisits(settings.dedupeWindow().toMillis());
        long from = now - settings.dedupeWindow().toMillis() - LATE_VISITS.toMillis();
        for (VisitsJournal.Visit visit : store.visits().loadedVisits()) {
            if (visit.eventTime() >= from) {
                recentVisits.restore(visit.key(), visit.eventTime());
            }
        }
    }

    @Override
    public void process(Record<ArticleKey, ArticleInput> record) {
        ArticleInput input = record.value();
        if (input.isView()) {
            oldestArrival = Math.min(oldestArrival, input.arrivedAt());
            newestArrival = Math.max(newestArrival, input.arrivedAt());
            count(record.key(), input.view());
        } else {
            applyCatalog(record.key(), input.article());
        }
    }

    private void count(ArticleKey key, PageView view) {
        long now = context.currentSystemTimeMs();
        long eventTime = view.timestamp();
        String visitKey = view.visitorId() == null ? null : RecentVisits.key(key, view.visitorId());
        if (visitKey != null && recentVisits.isRepeat(visitKey, eventTime)) {
            outcomes.filtered(FilterReason.DUPLICATE);
            return;
        }
        ArticleTally tally = store.get(key);
        boolean created = tally == null;
        if (created) {
            if (!articlesBySite.containsKey(view.site())
                    && articlesBySite.size() >= settings.caps().sites()) {
                metrics.limitHit("sites");
                return;
            }
            tally = new ArticleTally(key);
        }
        LooksPolicy.Looks looks = settings.looks().of(view);
        if (looks.section() != null && !sectionAllowed(view.site(), looks.section())) {
            metrics.limitHit("sections");
            looks = new LooksPolicy.Looks(
                    null, looks.title(), looks.url(), looks.imageUrl(), looks.summary(), looks.visitorId());
        }
        tally.count(
                view,
                looks,
                settings.looks().confirmations(),
                eventTime,
                now,
                days.startOfDay(view.site(), now),
                days.startOfYesterday(view.site(), now));
        if (visitKey != null) {
            rememberVisit(visitKey, eventTime);
        }
        if (tally.hidden()) {
            outcomes.filtered(FilterReason.HIDDEN);
        } else {
            outcomes.counted();
        }
        store.put(tally);
        touched.add(tally);
        if (created
                && articlesBySite.merge(view.site(), 1, Integer::sum)
                        > settings.caps().articlesBeforeEviction()) {
            forgetLeastViewed(view.site(), tally);
        }
    }

    private boolean sectionAllowed(String site, String section) {
        Set<String> sections = sectionsBySite.computeIfAbsent(site, s -> new HashSet<>());
        return sections.contains(section)
                || sections.size() < settings.caps().sectionsPerSite() && sections.add(section);
    }

    /**
     * Takes {@code site} back to its article cap: forgets its least-viewed articles (longest period first,
     * then the oldest last view) that are in no list and have no catalog entry; never {@code keep}.
     */
    private void forgetLeastViewed(String site, ArticleTally keep) {
        touched.forEach(leaderboards::update);
        touched.clear();
        Set<ArticleTally> listed = leaderboards.listed();
        List<ArticleTally> candidates = new ArrayList<>();
        for (ArticleTally tally : store.all()) {
            if (tally.site().equals(site) && tally != keep && !listed.contains(tally) && !tally.hasCatalogState()) {
                candidates.add(tally);
            }
        }
        candidates.sort(Comparator.comparingLong((ArticleTally tally) -> tally.views(Period.LAST_WEEK))
                .thenComparingLong(ArticleTally::lastViewAt));
        int excess = articlesBySite.get(site) - settings.caps().articlesPerSite();
        for (int i = 0; i < excess && i < candidates.size(); i++) {
            forget(candidates.get(i));
            metrics.limitHit("articles");
        }
    }

    private void forget(ArticleTally tally) {
        store.remove(tally.key());
        touched.remove(tally);
        if (articlesBySite.merge(tally.site(), -1, Integer::sum) <= 0) {
            articlesBySite.remove(tally.site());
            sectionsBySite.remove(tally.site());
        }
    }

    /** Kept in memory for decisions, and journaled in the tally store so a restarted task decides the same way. */
    private void rememberVisit(String visitKey, long eventTime) {
        recentVisits.counted(visitKey, eventTime);
        store.visits().visit(visitKey, eventTime);
    }

    private void applyCatalog(ArticleKey key, Article article) {
        ArticleTally tally = store.get(key);
        if (tally == null) {
            if (article == null) {
                return;
            }
            tally = new ArticleTally(key);
            articlesBySite.merge(tally.site(), 1, Integer::sum);
        }
        tally.catalog(settings.looks().of(tally.site(), article));
        touched.add(tally);
        if (article == null && tally.counts().isEmpty()) {
            forget(tally);
            touched.add(tally);
        } else {
            store.put(tally);
        }
    }

    private void publish(long now) {
        if (catchingUp(now) && now - proposedAt < settings.catchUp().tick().toMillis()) {
            return;
        }
        proposedAt = now;
        newestArrival = Long.MIN_VALUE;
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
            if (!top.equals(proposed.getOrDefault(list, List.of()))) {
                if (top.isEmpty()) {
                    proposed.remove(list);
                } else {
                    proposed.put(list, top);
                }
                Instant lastViewAt = Instant.ofEpochMilli(leaderboards.lastViewAt(list));
                bySite.computeIfAbsent(list.site(), site -> new ArrayList<>())
                        .add(new CandidateBatch.ListCandidates(
                                list, new PartitionCandidates(partition, asOf, lastViewAt, top, arrival)));
            }
        });
        bySite.forEach((site, lists) -> CandidateBatch.split(lists, CandidateBatch.MAX_BYTES)
                .forEach(batch -> context.forward(new Record<>(site, batch, now))));
    }

    /**
     * True while this partition works through a backlog ({@link RankerTopology.CatchUp}): even the newest view it
     * counted since its last proposal reached mostread too long ago.
     */
    private boolean catchingUp(long now) {
        return newestArrival != Long.MIN_VALUE
                && now - newestArrival > settings.catchUp().after().toMillis();
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
        store.visits().forgetBefore(horizon);
        List<ArticleTally> forgotten = new ArrayList<>();
        for (ArticleTally tally : store.all()) {
            if (leaderboards.agedAcrossAWindow(tally)) {
                touched.add(tally); // published longer ago than a window: it leaves that window's lists
            }
            if (leaderboards.mayTrend(tally, now)) {
                touched.add(tally); // its score moves with the minute: views leave the quarter hour, the baseline grows
            }
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
            forget(tally);
            touched.add(tally);
        }
    }
}
