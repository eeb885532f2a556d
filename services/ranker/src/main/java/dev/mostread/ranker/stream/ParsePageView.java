package dev.mostread.ranker.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import dev.mostread.ranker.stream.RankerMetrics.FilterReason;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.pageview.FieldError;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.pageview.PageViewReader;
import dev.mostread.shared.pageview.TimeLimits;

/**
 * Reads each raw {@code page-views} record with the same rules as the collector. Unreadable records are
 * marked for the dead-letter topic with the reason and their source; views that must not be counted
 * are dropped and counted by reason.
 */
final class ParsePageView implements FixedKeyProcessor<byte[], byte[], ParsedView> {

    private final PageViewReader reader = new PageViewReader(Json.mapper());
    private final int pageViewPartitions;
    private final RankerMetrics metrics;
    private FixedKeyProcessorContext<byte[], ParsedView> context;

    ParsePageView(int pageViewPartitions, RankerMetrics metrics) {
        this.pageViewPartitions = pageViewPartitions;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], ParsedView> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        PageViewReader.Result result = reader.readOne(record.value());
        if (!result.valid()) {
            FieldError error = result.errors().get(0);
            deadLetter(record, error.field().isEmpty() ? error.message() : error.field() + " " + error.message());
            return;
        }
        PageView view = result.view();
        long eventTime = view.timestamp() != null ? view.timestamp() : record.timestamp();
        switch (TimeLimits.check(eventTime, context.currentSystemTimeMs())) {
            case FUTURE -> {
                metrics.filtered(FilterReason.FUTURE);
                return;
            }
            case TOO_OLD -> {
                metrics.filtered(FilterReason.TOO_OLD);
                return;
            }
            case IN_RANGE -> { }
        }
        if (!view.isArticle()) {
            metrics.filtered(FilterReason.NOT_ARTICLE);
            return;
        }
        context.forward(record.withValue(ParsedView.valid(view.withTimestamp(eventTime), inArticlePartition(record, view))));
    }

    /**
     * True when the record is keyed {@code {site}/{articleId}} and sits in the partition the Java client's
     * partitioner gives that key. Only then can it be counted without a trip through the repartition topic
     * (a client with another partitioner, such as librdkafka's default, puts the same key elsewhere).
     */
    private boolean inArticlePartition(FixedKeyRecord<byte[], byte[]> record, PageView view) {
        byte[] key = record.key();
        if (key == null || !Arrays.equals(key, view.articleKey().getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        int expected = Utils.toPositive(Utils.murmur2(key)) % pageViewPartitions;
        return context.recordMetadata().map(RecordMetadata::partition).orElse(-1) == expected;
    }

    private void deadLetter(FixedKeyRecord<byte[], byte[]> record, String reason) {
        metrics.filtered(FilterReason.INVALID);
        String source = context.recordMetadata()
                .map(m -> m.topic() + "-" + m.partition() + "-" + m.offset())
                .orElse("unknown");
        record.headers().add(Topics.HEADER_ERROR, reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.HEADER_SOURCE, source.getBytes(StandardCharsets.UTF_8));
        context.forward(record.withValue(ParsedView.invalid(record.value())));
    }
}
