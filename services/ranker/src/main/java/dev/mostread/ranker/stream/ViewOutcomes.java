package dev.mostread.ranker.stream;

import dev.mostread.ranker.stream.RankerMetrics.FilterReason;

/**
 * Where a processor says what became of a view: the instance's meters (rates for Prometheus; a view processed
 * again after a crash or a migration counts again there) and its task's exact totals ({@link TotalsStore}).
 */
final class ViewOutcomes {

    private final RankerMetrics metrics;
    private final TotalsStore totals;

    ViewOutcomes(RankerMetrics metrics, TotalsStore totals) {
        this.metrics = metrics;
        this.totals = totals;
    }

    void counted() {
        metrics.counted();
        totals.counted();
    }

    void filtered(FilterReason reason) {
        metrics.filtered(reason);
        totals.filtered(reason);
    }
}
