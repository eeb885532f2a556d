package dev.mostread.shared.operator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What one service instance reports to the {@code operator-stats} topic: its mostread counters since it started,
 * its ranking-lag histogram (cumulative counts per SLO bucket, so that instances add up), and its health.
 *
 * @param application {@code spring.application.name}
 * @param instance host and port
 * @param time when the snapshot was taken (epoch milliseconds)
 * @param health the readiness status ({@code UP}, {@code DOWN}, ...), {@code STOPPED} after a graceful stop
 * @param counters running totals by name: {@code accepted}, {@code counted}, {@code published},
 *                 {@code rejected.<reason>}, {@code filtered.<reason>}
 * @param lagBuckets cumulative count of list updates at or under each bucket's bound in seconds
 * @param lagCount every list update measured
 * @param lagMaxSeconds the largest recent lag
 */
public record InstanceStats(
        String application,
        String instance,
        long time,
        String health,
        Map<String, Double> counters,
        Map<Double, Double> lagBuckets,
        double lagCount,
        double lagMaxSeconds) {

    public static final String STOPPED = "STOPPED";

    public InstanceStats {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
        lagBuckets = lagBuckets == null ? Map.of() : new TreeMap<>(lagBuckets);
    }

    /** This process's meters now. */
    public static InstanceStats of(
            MeterRegistry registry, String application, String instance, long time, String health) {
        Map<String, Double> counters = new LinkedHashMap<>();
        counters.put("accepted", sum(registry, "mostread.events.accepted"));
        counters.put("counted", sum(registry, "mostread.views.counted"));
        counters.put("published", sum(registry, "mostread.rankings.published"));
        byReason(registry, "mostread.events.rejected", "rejected.", counters);
        byReason(registry, "mostread.views.filtered", "filtered.", counters);
        Map<Double, Double> buckets = new TreeMap<>();
        double count = 0;
        double max = 0;
        Timer lag = registry.find("mostread.ranking.lag").timer();
        if (lag != null) {
            HistogramSnapshot snapshot = lag.takeSnapshot();
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                buckets.put(bucket.bucket(TimeUnit.SECONDS), bucket.count());
            }
            count = snapshot.count();
            max = snapshot.max(TimeUnit.SECONDS);
        }
        return new InstanceStats(application, instance, time, health, counters, buckets, count, max);
    }

    public InstanceStats stopped(long at) {
        return new InstanceStats(application, instance, at, STOPPED, counters, lagBuckets, lagCount, lagMaxSeconds);
    }

    public String key() {
        return application + "/" + instance;
    }

    public double counter(String name) {
        return counters.getOrDefault(name, 0.0);
    }

    private static double sum(MeterRegistry registry, String name) {
        return registry.find(name).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static void byReason(MeterRegistry registry, String name, String prefix, Map<String, Double> into) {
        for (Counter counter : registry.find(name).counters()) {
            into.merge(prefix + counter.getId().getTag("reason"), counter.count(), Double::sum);
        }
    }

    /**
     * The whole system: every instance's counters added up (a stopped instance's last totals included, so that
     * what it counted before it stopped still counts), lag buckets added up, and each instance's health.
     */
    public static Map<String, Object> total(List<InstanceStats> instances, long now, long staleAfterMillis) {
        return total(instances, Map.of(), now, staleAfterMillis);
    }

    /**
     * The whole system, with the views counted and filtered taken from the rankers' exact totals
     * ({@link ViewTotals}) when there are any, instead of their meters (which count again what a ranker processed
     * again after a crash or a migration); {@code exact} says which it is.
     */
    public static Map<String, Object> total(
            List<InstanceStats> instances, Map<String, Long> viewTotals, long now, long staleAfterMillis) {
        Map<String, Double> counters = new TreeMap<>();
        Map<Double, Double> buckets = new TreeMap<>();
        double lagCount = 0;
        double lagMax = 0;
        List<Map<String, Object>> health = new java.util.ArrayList<>();
        for (InstanceStats stats : instances) {
            stats.counters().forEach((name, value) -> counters.merge(name, value, Double::sum));
            stats.lagBuckets().forEach((bound, value) -> buckets.merge(bound, value, Double::sum));
            lagCount += stats.lagCount();
            if (!STOPPED.equals(stats.health())) {
                lagMax = Math.max(lagMax, stats.lagMaxSeconds());
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("application", stats.application());
            one.put("instance", stats.instance());
            boolean silent = !STOPPED.equals(stats.health()) && now - stats.time() > staleAfterMillis;
            one.put("health", silent ? "SILENT" : stats.health());
            one.put("reportedSecondsAgo", Math.max(0, now - stats.time()) / 1000.0);
            health.add(one);
        }
        Map<String, Object> total = new LinkedHashMap<>();
        boolean exact = !viewTotals.isEmpty();
        if (exact) {
            counters.keySet()
                    .removeIf(name -> name.equals(ViewTotals.COUNTED) || name.startsWith(ViewTotals.FILTERED_PREFIX));
            viewTotals.forEach((name, value) -> counters.put(name, value.doubleValue()));
        }
        total.put("exact", exact);
        total.put("accepted", counters.getOrDefault("accepted", 0.0));
        total.put("counted", counters.getOrDefault("counted", 0.0));
        total.put("published", counters.getOrDefault("published", 0.0));
        total.put("rejected", withPrefix(counters, "rejected."));
        total.put("filtered", withPrefix(counters, "filtered."));
        if (lagCount > 0) {
            Map<String, Double> lag = new LinkedHashMap<>();
            lag.put("p50", quantile(buckets, lagCount, 0.5, lagMax));
            lag.put("p99", quantile(buckets, lagCount, 0.99, lagMax));
            lag.put("max", lagMax);
            total.put("lagSeconds", lag);
        }
        total.put("instances", health);
        return total;
    }

    private static Map<String, Double> withPrefix(Map<String, Double> counters, String prefix) {
        Map<String, Double> found = new TreeMap<>();
        counters.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                found.put(name.substring(prefix.length()), value);
            }
        });
        return found;
    }

    /** The upper bound of the SLO bucket that holds the quantile (the histogram is coarse), else the max. */
    private static double quantile(Map<Double, Double> buckets, double count, double quantile, double max) {
        double wanted = count * quantile;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= wanted) {
                return bucket.getKey();
            }
        }
        return max;
    }
}
