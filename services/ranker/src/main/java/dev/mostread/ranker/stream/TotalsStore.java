package dev.mostread.ranker.stream;

import dev.mostread.ranker.stream.RankerMetrics.FilterReason;
import dev.mostread.shared.operator.ViewTotals;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's exact running totals of what became of its views ({@link ViewTotals}): {@code counted} and
 * {@code filtered.<reason>}, in memory, written behind once per commit like the other stores, so that with
 * exactly-once the totals and the consumed offsets commit together. Counting one view is an array increment.
 */
final class TotalsStore extends WriteBehindStore {

    private static final int COUNTED = FilterReason.values().length;
    private static final Bytes[] KEYS = new Bytes[COUNTED + 1];

    static {
        for (FilterReason reason : FilterReason.values()) {
            KEYS[reason.ordinal()] = key(ViewTotals.FILTERED_PREFIX + reason.tag());
        }
        KEYS[COUNTED] = key(ViewTotals.COUNTED);
    }

    private final long[] totals = new long[KEYS.length];
    private final boolean[] dirty = new boolean[KEYS.length];

    TotalsStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
    }

    private static Bytes key(String name) {
        return Bytes.wrap(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces what is in memory with what the inner store holds: call it when processing (re)starts. */
    void load() {
        for (int i = 0; i < KEYS.length; i++) {
            long stored = ViewTotals.decode(inner.get(KEYS[i]));
            totals[i] = Math.max(0, stored);
            dirty[i] = false;
        }
    }

    void counted() {
        add(COUNTED);
    }

    void filtered(FilterReason reason) {
        add(reason.ordinal());
    }

    long countedTotal() {
        return totals[COUNTED];
    }

    long filteredTotal(FilterReason reason) {
        return totals[reason.ordinal()];
    }

    private void add(int index) {
        totals[index]++;
        dirty[index] = true;
    }

    @Override
    public void flushCache() {
        for (int i = 0; i < KEYS.length; i++) {
            if (dirty[i]) {
                inner.put(KEYS[i], ViewTotals.encode(totals[i]));
                dirty[i] = false;
            }
        }
    }

    @Override
    public void clearCache() {
        // The task is being closed without a commit: what was not flushed must not survive.
        java.util.Arrays.fill(totals, 0);
        java.util.Arrays.fill(dirty, false);
    }
}
