package dev.mostread.operator;

import dev.mostread.shared.operator.InstanceStats;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The operators' live page, {@code /dashboard}, and the whole system's numbers it polls (every instance's
 * {@code operator-stats}, the rankers' exact view totals), on the management port ({@link OperatorConsole}). Lists come from the public API, from the same SSE streams any
 * client can open: {@code publicApi} in the stats says where it is.
 */
@Controller
class DashboardController {

    private final SystemStats system;
    private final ViewTotalsReader views;
    private final java.util.function.Supplier<String> publicApi;
    private final long staleAfterMillis;

    /**
     * @param publicApi where the public API answers, as the dashboard's page should call it (empty: this origin)
     * @param staleAfterMillis an instance that has not reported for this long is shown {@code SILENT}
     */
    DashboardController(
            SystemStats system,
            ViewTotalsReader views,
            java.util.function.Supplier<String> publicApi,
            long staleAfterMillis) {
        this.system = system;
        this.views = views;
        this.publicApi = publicApi;
        this.staleAfterMillis = staleAfterMillis;
    }

    @Hidden
    @GetMapping("/dashboard")
    ResponseEntity<org.springframework.core.io.Resource> dashboard() {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .body(new org.springframework.core.io.ClassPathResource("operator/dashboard.html"));
    }

    /**
     * Running totals of the mostread counters of every service instance (each reports them to operator-stats), with
     * views counted and filtered from the rankers' exact totals, for the dashboard to turn into rates, and each
     * instance's health.
     */
    @Operation(
            summary = "Running totals of the whole system's mostread counters, and each instance's health "
                    + "(what the dashboard polls)")
    @Tag(name = "Operations")
    @GetMapping("/api/v1/stats")
    @ResponseBody
    ResponseEntity<Map<String, Object>> stats() {
        long now = System.currentTimeMillis();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("time", now);
        stats.put("publicApi", publicApi.get());
        stats.putAll(InstanceStats.total(system.all(), views.totals(), now, staleAfterMillis));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(stats);
    }
}
