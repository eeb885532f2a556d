package dev.mostread.api.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

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

    @GetMapping("/dashboard")
    String dashboard() {
        return "forward:/dashboard.html";
    }

    /** Running totals of the mostread counters this process has, for the dashboard to turn into rates. */
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
        if (lag != null) {
            Map<String, Double> percentiles = new LinkedHashMap<>();
            for (ValueAtPercentile value : lag.takeSnapshot().percentileValues()) {
                percentiles.put("p" + Math.round(value.percentile() * 100), value.value(java.util.concurrent.TimeUnit.SECONDS));
            }
            percentiles.put("max", lag.max(java.util.concurrent.TimeUnit.SECONDS));
            stats.put("lagSeconds", percentiles);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(stats);
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
