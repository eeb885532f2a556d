package dev.mostread.shared.operator;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The rankers' exact running totals of what became of every page view: {@code counted}, and
 * {@code filtered.<reason>}. Each ranker task keeps its own in a small state store, inside the exactly-once
 * transaction that consumes the views, so the store's changelog holds, per task, totals that count every consumed
 * view exactly once, whatever was re-processed after a crash or a migration (the rankers' meters count those
 * again). The APIs read the two changelogs and add the newest value of each task and name up.
 *
 * <p>Changelog topics are named by Kafka Streams {@code <application.id>-<store>-changelog}; keys are the
 * total's name (UTF-8), values its count as an 8-byte big-endian long.
 */
public final class ViewTotals {

    /** Totals of the parsing stage: robots, other page types, outside the time limits, unreadable. */
    public static final String PARSED_STORE = "view-totals-parsed";
    /** Totals of the counting stage: counted, duplicates, hidden articles. */
    public static final String COUNTED_STORE = "view-totals-counted";
    public static final String COUNTED = "counted";
    public static final String FILTERED_PREFIX = "filtered.";

    private ViewTotals() {
    }

    /** The changelog topics of the rankers with this {@code application.id}. */
    public static List<String> changelogs(String applicationId) {
        return List.of(changelog(applicationId, PARSED_STORE), changelog(applicationId, COUNTED_STORE));
    }

    static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }

    public static byte[] encode(long count) {
        return ByteBuffer.allocate(Long.BYTES).putLong(count).array();
    }

    /** The count, or -1 when the value is not one (a record some other writer put there). */
    public static long decode(byte[] value) {
        return value == null || value.length != Long.BYTES ? -1 : ByteBuffer.wrap(value).getLong();
    }
}
