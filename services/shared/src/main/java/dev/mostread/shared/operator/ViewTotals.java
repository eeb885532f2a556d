package dev.mostread.shared.operator;

import java.nio.ByteBuffer;

/**
 * The rankers' exact running totals of what became of every page view: {@code counted}, and
 * {@code filtered.<reason>}. Each ranker task keeps its own in a small state store, inside the exactly-once
 * transaction that consumes the views, so the store's changelog holds, per task, totals that count every consumed
 * view exactly once, whatever was re-processed after a crash or a migration (the rankers' meters count those
 * again). The APIs read the changelog and add the newest value of each task (partition) and name up.
 *
 * <p>Kafka Streams names the changelog {@code <application.id>-view-totals-changelog}; keys are the total's name
 * (UTF-8), values its count as an 8-byte big-endian long.
 */
public final class ViewTotals {

    /** The store, shared by the parsing and the counting processors of each task. */
    public static final String STORE = "view-totals";

    public static final String COUNTED = "counted";
    public static final String FILTERED_PREFIX = "filtered.";

    private ViewTotals() {}

    /** The changelog topic of the rankers with this {@code application.id}. */
    public static String changelog(String applicationId) {
        return applicationId + "-" + STORE + "-changelog";
    }

    public static byte[] encode(long count) {
        return ByteBuffer.allocate(Long.BYTES).putLong(count).array();
    }

    /** The count, or -1 when the value is not one (a record some other writer put there). */
    public static long decode(byte[] value) {
        return value == null || value.length != Long.BYTES
                ? -1
                : ByteBuffer.wrap(value).getLong();
    }
}
