package dev.mostread.shared.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceStatsTest {

    private static final long NOW = 1_000_000;

    private static InstanceStats ranker(String instance, String health, double counted, double robots) {
        return new InstanceStats(
                "mostread-ranker",
                instance,
                NOW - 1_000,
                health,
                Map.of("counted", counted, "filtered.robot", robots, "published", 3.0),
                Map.of(),
                0,
                0);
    }

    private static InstanceStats collector(double accepted) {
        return new InstanceStats(
                "mostread-collector",
                "c:1",
                NOW - 1_000,
                "UP",
                Map.of("accepted", accepted, "rejected.invalid", 2.0),
                Map.of(),
                0,
                0);
    }

    @Test
    void theRankersExactTotalsReplaceWhatTheirMetersCountedAgain() {
        // two rankers' meters counted 150 views, some of them twice after a migration; the tasks' totals say 100
        List<InstanceStats> instances =
                List.of(ranker("r:1", "UP", 90, 7), ranker("r:2", "STOPPED", 60, 5), collector(120));

        Map<String, Object> total = InstanceStats.total(
                instances, Map.of("counted", 100L, "filtered.robot", 10L, "filtered.duplicate", 1L), NOW, 10_000);

        assertThat(total.get("exact")).isEqualTo(true);
        assertThat(total.get("counted")).isEqualTo(100.0);
        assertThat(total.get("filtered")).isEqualTo(Map.of("robot", 10.0, "duplicate", 1.0));
        // what only the other services' meters know is still theirs
        assertThat(total.get("accepted")).isEqualTo(120.0);
        assertThat(total.get("rejected")).isEqualTo(Map.of("invalid", 2.0));
        assertThat(total.get("published")).isEqualTo(6.0);
    }

    @Test
    void withoutTheRankersTotalsTheMetersAreAddedUpAndSaidToBeSo() {
        List<InstanceStats> instances = List.of(ranker("r:1", "UP", 90, 7), ranker("r:2", "STOPPED", 60, 5));

        Map<String, Object> total = InstanceStats.total(instances, NOW, 10_000);

        assertThat(total.get("exact")).isEqualTo(false);
        assertThat(total.get("counted")).isEqualTo(150.0);
        assertThat(total.get("filtered")).isEqualTo(Map.of("robot", 12.0));
    }

    @Test
    void anInstanceThatStoppedReportingIsShownSilent() {
        InstanceStats old = new InstanceStats("mostread-api", "a:1", NOW - 60_000, "UP", Map.of(), Map.of(), 0, 0);

        Map<String, Object> total = InstanceStats.total(List.of(old, ranker("r:2", "STOPPED", 1, 0)), NOW, 10_000);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> health = (List<Map<String, Object>>) total.get("instances");
        assertThat(health.stream().map(one -> one.get("health")).toList()).containsExactly("SILENT", "STOPPED");
    }
}
