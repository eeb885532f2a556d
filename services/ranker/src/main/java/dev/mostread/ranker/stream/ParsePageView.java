package dev.mostread.ranker.stream;

import dev.mostread.ranker.ranking.RobotFilter;
import dev.mostread.ranker.stream.RankerMetrics.FilterReason;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.operator.ViewTotals;
import dev.mostread.shared.pageview.FieldError;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.pageview.PageViewReader;
import dev.mostread.shared.pageview.TimeLimits;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads each raw {@code page-views} record with the same rules as the collector. Unreadable records are
 * marked for the dead-letter topic with the reason and their source; views that must not be counted
 * (robots, other page types, outside the time limits) are dropped and counted by reason.
 */
final class ParsePageView implements FixedKeyProcessor<byte[], byte[], ParsedView> {

    private final PageViewReader reader = new PageViewReader(Json.mapper());
    private final ArticlePartitions partitions;
    private final RobotFilter robots;
    private final RankerMetrics metrics;
    private FixedKeyProcessorContext<byte[], ParsedView> context;
    private ViewOutcomes outcomes;

    ParsePageView(ArticlePartitions partitions, RobotFilter robots, RankerMetrics metrics) {
        this.partitions = partitions;
        this.robots = robots;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], ParsedView> context) {
        this.context = context;
        // the task's totals, shared with count-articles (loading twice before processing starts reads the same)
        TotalsStore totals = context.getStateStore(ViewTotals.STORE);
        totals.load();
        this.outcomes = new ViewOutcomes(metrics, totals);
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
        long now = context.currentSystemTimeMs();
        long eventTime =
                view.timestamp() != null ? view.timestamp() : ReceiveTimeWhenMissing.plausible(record.timestamp(), now);
        FilterReason dropped = switch (TimeLimits.check(eventTime, now)) {
            case FUTURE -> FilterReason.FUTURE;
            case TOO_OLD -> FilterReason.TOO_OLD;
            case IN_RANGE ->
                !view.isArticle()
                        ? FilterReason.NOT_ARTICLE
                        : robots.isRobot(view.userAgent()) ? FilterReason.ROBOT : null;
        };
        if (dropped != null) {
            outcomes.filtered(dropped);
            return;
        }
        ArticleKey articleKey = view.articleKey();
        boolean inPlace = partitions.inArticlePartition(
                record.key(), articleKey, context.recordMetadata().orElse(null));
        ArticleInput input = ArticleInput.view(view.withTimestamp(eventTime), arrivedAt(record));
        // The event time, checked above, is the only timestamp that travels on: never a client's absurd one.
        context.forward(
                record.withValue(ParsedView.valid(articleKey, input, inPlace)).withTimestamp(eventTime));
    }

    /** When the view reached mostread: the collector's receipt header, else the record's own timestamp. */
    private static long arrivedAt(FixedKeyRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(Topics.HEADER_RECEIVED_AT);
        if (header != null) {
            try {
                return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
            } catch (NumberFormatException e) {
                // a header some other client set: fall back to the record's time
            }
        }
        return record.timestamp();
    }

    private void deadLetter(FixedKeyRecord<byte[], byte[]> record, String reason) {
        outcomes.filtered(FilterReason.INVALID);
        metrics.deadLettered("page-views");
        context.recordMetadata()
                .ifPresent(m -> DeadLetters.mark(record.headers(), reason, m.topic(), m.partition(), m.offset()));
        context.forward(
                record.withValue(ParsedView.invalid(record.value())).withTimestamp(context.currentSystemTimeMs()));
    }
}
