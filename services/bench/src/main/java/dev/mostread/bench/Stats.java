package dev.mostread.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians, for figures taken over several runs. */
final class Stats {

    private Stats() {}

    static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
