package dev.mostread.ranker.stream;

import dev.mostread.shared.kafka.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** The headers every record in {@code page-views-dlq} carries (§2): why it was refused, and where it came from. */
public final class DeadLetters {

    /** Reasons are cut to this many characters: a header is no place for an attacker's megabyte. */
    static final int MAX_REASON = 500;

    private DeadLetters() {}

    public static void mark(Headers headers, String reason, String topic, int partition, long offset) {
        String cut =
                reason == null ? "unknown" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        headers.remove(Topics.HEADER_ERROR).remove(Topics.HEADER_SOURCE);
        headers.add(Topics.HEADER_ERROR, cut.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_SOURCE, (topic + "-" + partition + "-" + offset).getBytes(StandardCharsets.UTF_8));
    }
}
