package dev.mostread.ranker.stream;

import dev.mostread.shared.pageview.TimeLimits;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Any Kafka client can write a record with no timestamp (CreateTime -1), and Kafka Streams' default extractor
 * stops the stream thread on one, for good. This one never refuses: a negative timestamp becomes the
 * partition's time so far (0 before any). The parsers then treat a record time that is missing or implausible
 * as unknown and use the time the ranker received the record instead, so no record is lost to its timestamp
 * and none carries an absurd one into Kafka.
 */
final class ReceiveTimeWhenMissing implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
    }

    /** The record's own time if it is within the time limits of {@code now}, else {@code now}: the receive time. */
    static long plausible(long recordTime, long now) {
        return TimeLimits.check(recordTime, now) == TimeLimits.Verdict.IN_RANGE ? recordTime : now;
    }
}
