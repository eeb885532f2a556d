package dev.mostread.ranker.system;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Tells whether the ranker still makes progress, from what can be observed from outside the stream: input
 * waiting (consumer lag) while no commit happens for {@code stallAfter}, or stream threads failing again and
 * again (each failure replaces the thread, so the state alone stays RUNNING). Plain Java with explicit time,
 * fed by {@link RankerStreams} every few seconds.
 */
public final class ProgressWatchdog {

    static final Duration FAILURE_WINDOW = Duration.ofMinutes(5);
    static final int MAX_FAILURES = 3;

    private final long stallAfterMillis;
    private final Deque<Long> failures = new ArrayDeque<>();
    private double lastCommits = Double.NaN;
    private long lastProgressAt;

    public ProgressWatchdog(Duration stallAfter, long now) {
        this.stallAfterMillis = stallAfter.toMillis();
        this.lastProgressAt = now;
    }

    public synchronized void threadFailed(long now) {
        failures.addLast(now);
    }

    /**
     * @param running whether Kafka Streams is RUNNING: while it rebalances or restores state it commits nothing,
     *        and readiness already says it is not ready, so that is not counted as a stall
     * @param lag records waiting in the input (the largest partition lag), 0 when caught up
     * @param commits commits so far, over every stream thread
     */
    public synchronized void observe(boolean running, double lag, double commits, long now) {
        if (!running || !(lag > 0) || commits != lastCommits) {
            lastProgressAt = now;
        }
        lastCommits = commits;
    }

    /** Why the ranker is not making progress, or empty while it is. */
    public synchronized Optional<String> stalled(long now) {
        while (!failures.isEmpty() && failures.peekFirst() < now - FAILURE_WINDOW.toMillis()) {
            failures.removeFirst();
        }
        if (failures.size() >= MAX_FAILURES) {
            return Optional.of(
                    failures.size() + " stream thread failures in the last " + FAILURE_WINDOW.toMinutes() + " min");
        }
        long waited = now - lastProgressAt;
        if (waited >= stallAfterMillis) {
            return Optional.of("input waiting and no commit for " + waited / 1000 + " s");
        }
        return Optional.empty();
    }
}
