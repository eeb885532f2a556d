package dev.mostread.api.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.micrometer.core.instrument.Counter;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

/**
 * The operators' live page, {@code /dashboard}, and the numbers it polls from this process's meters. Lists
 * come from the same SSE streams any client can open.
 */
@Controller
class DashboardController {

    private final MeterRegistry registry;

    DashboardController(MeterRegistry registry) {
        this.registry = registry;
    }

    @Hidden
    @GetMapping("/dashboard")
    String dashboard() {
        return "forward:/dashboard.html";
    }

    /** Running totals of the mostread counters this process has, for the dashboard to turn into rates. */
    @Operation(summary = "Running totals of this process's mostread counters (what the dashboard polls)")
    @Tag(name = "Operations")
    @GetMapping("/api/v1/stats")
    @ResponseBody
    ResponseEntity<Map<String, Object>> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("time", System.currentTimeMillis());
        stats.put("accepted", sum("mostread.events.accepted"));
        stats.put("counted", sum("mostread.views.counted"));
        stats.put("published", sum("mostread.rankings.published"));
        stats.put("rejected", byReason("mostread.events.rejected"));
        stats.put("filtered", byReason("mostread.views.filtered"));
        Timer lag = registry.find("mostread.ranking.lag").timer();
        if (lag != null && lag.count() > 0) {
            HistogramSnapshot snapshot = lag.takeSnapshot();
            Map<String, Double> lagSeconds = new LinkedHashMap<>();
            lagSeconds.put("p50", bucketAt(snapshot, 0.5));
            lagSeconds.put("p99", bucketAt(snapshot, 0.99));
            lagSeconds.put("max", lag.max(TimeUnit.SECONDS));
            stats.put("lagSeconds", lagSeconds);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(stats);
    }

    /** The upper bound, in seconds, of the SLO bucket that holds the {@code quantile} (the histogram is coarse). */
    private static Double bucketAt(HistogramSnapshot snapshot, double quantile) {
        double wanted = snapshot.count() * quantile;
        for (CountAtBucket bucket : snapshot.histogramCounts()) {
            if (bucket.count() >= wanted) {
                return bucket.bucket(TimeUnit.SECONDS);
            }
        }
        return snapshot.max(TimeUnit.SECONDS);
    }

    private double sum(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private Map<String, Double> byReason(String name) {
        Map<String, Double> reasons = new LinkedHashMap<>();
        for (Counter counter : registry.find(name).counters()) {
            reasons.merge(counter.getId().getTag("reason"), counter.count(), Double::sum);
        }
        return reasons;
    }
}
