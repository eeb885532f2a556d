package dev.mostread.bench.drain;

import java.util.Map;

/**
 * What one drain of the preloaded topic measured.
 *
 * @param subject what drained it
 * @param views views it took in
 * @param seconds from ready (assigned, or RUNNING) until every view was processed and committed
 * @param heapBytes heap in use after the drain and two full collections: the state it keeps
 * @param recordsWritten records it wrote, by topic
 * @param stateUpdates records written to changelog topics
 * @param outputRecords records written to every other topic (repartition topics and sinks)
 * @param cpuSeconds CPU time the drain's process used over the same span, on every thread ({@link Cpu}); negative
 *                   where the JVM does not say
 */
public record DrainResult(
        String subject,
        long views,
        double seconds,
        long heapBytes,
        Map<String, Long> recordsWritten,
        long stateUpdates,
        long outputRecords,
        double cpuSeconds) {

    public double viewsPerSecond() {
        return views / seconds;
    }

    /** CPU microseconds per view, or NaN where the JVM did not say. */
    public double cpuMicrosPerView() {
        return cpuSeconds < 0 ? Double.NaN : cpuSeconds * 1e6 / views;
    }

    static DrainResult of(
            String subject, long views, double seconds, double cpuSeconds, long heapBytes, Map<String, Long> written) {
        long state = written.entrySet().stream()
                .filter(e -> e.getKey().endsWith("-changelog"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        long outputs = written.values().stream().mapToLong(Long::longValue).sum() - state;
        return new DrainResult(subject, views, seconds, heapBytes, Map.copyOf(written), state, outputs, cpuSeconds);
    }
}
