package dev.mostread.api.serve;

import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.Ranking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/sites} (§4.1): every site with lists, its sections, its newest counted view, and the
 * periods, sorts and {@code published} windows its lists can be asked for.
 */
@RestController
@Tag(name = "Most read")
class SitesController {

    record Site(
            String site,
            List<String> sections,
            Instant lastViewAt,
            List<String> periods,
            List<String> sorts,
            List<String> published) {}

    private final RankingCache cache;
    private final PublishedWindows windows;
    private final List<String> sorts;

    SitesController(RankingCache cache, PublishedWindows windows, dev.mostread.shared.system.ListsProperties lists) {
        this.cache = cache;
        this.windows = windows;
        this.sorts = lists.sortCodes();
    }

    @Operation(summary = "Every site with lists, its sections and its newest counted view")
    @GetMapping("/api/v1/sites")
    ResponseEntity<List<Site>> sites() {
        Map<String, TreeSet<String>> sections = new TreeMap<>();
        Map<String, Instant> lastViewAt = new TreeMap<>();
        for (Ranking ranking : cache.all()) {
            TreeSet<String> siteSections = sections.computeIfAbsent(ranking.site(), site -> new TreeSet<>());
            if (ranking.section() != null && !ranking.items().isEmpty()) {
                siteSections.add(ranking.section());
            }
            lastViewAt.merge(
                    ranking.site(),
                    ranking.lastViewAt() == null ? Instant.EPOCH : ranking.lastViewAt(),
                    SitesController::newest);
        }
        List<Site> sites = sections.entrySet().stream()
                .map(entry -> new Site(
                        entry.getKey(),
                        List.copyOf(entry.getValue()),
                        Instant.EPOCH.equals(lastViewAt.get(entry.getKey())) ? null : lastViewAt.get(entry.getKey()),
                        Period.CODES,
                        sorts,
                        windows.codes()))
                .toList();
        return ResponseEntity.ok()
                .cacheControl(CacheableAnswer.CACHE)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .body(sites);
    }

    private static Instant newest(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
