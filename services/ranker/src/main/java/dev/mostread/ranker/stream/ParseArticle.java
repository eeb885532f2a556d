package dev.mostread.ranker.stream;

import dev.mostread.shared.article.Article;
import dev.mostread.shared.article.ArticleKey;
import dev.mostread.shared.article.ArticleReader;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Reads each {@code articles} record: a catalog entry or a tombstone for the article its key names, checked
 * with the same rules as the API's catalog writes ({@link ArticleReader}). Any Kafka client can write this
 * topic, so a record whose key names no article or whose value is not a valid entry goes to the dead-letter
 * topic with its reason, and the article keeps its previous entry.
 */
final class ParseArticle implements FixedKeyProcessor<byte[], byte[], ParsedView> {

    private final ArticlePartitions partitions;
    private final RankerMetrics metrics;
    private FixedKeyProcessorContext<byte[], ParsedView> context;

    ParseArticle(ArticlePartitions partitions, RankerMetrics metrics) {
        this.partitions = partitions;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], ParsedView> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        ArticleKey articleKey = articleKey(record.key());
        if (articleKey == null) {
            deadLetter(record, "key is not {site}/{articleId}");
            return;
        }
        Article article = null;
        if (record.value() != null) {
            ArticleReader.Result entry = ArticleReader.read(record.value());
            if (!entry.valid()) {
                ArticleReader.Problem problem = entry.problems().get(0);
                deadLetter(
                        record,
                        problem.field().isEmpty() ? problem.message() : problem.field() + " " + problem.message());
                return;
            }
            article = entry.article();
        }
        boolean inPlace = partitions.inArticlePartition(
                record.key(), articleKey, context.recordMetadata().orElse(null));
        long now = context.currentSystemTimeMs();
        context.forward(record.withValue(ParsedView.valid(articleKey, ArticleInput.catalog(article), inPlace))
                .withTimestamp(ReceiveTimeWhenMissing.plausible(record.timestamp(), now)));
    }

    private void deadLetter(FixedKeyRecord<byte[], byte[]> record, String reason) {
        metrics.deadLettered("articles");
        context.recordMetadata()
                .ifPresent(m -> DeadLetters.mark(record.headers(), reason, m.topic(), m.partition(), m.offset()));
        context.forward(
                record.withValue(ParsedView.invalid(record.value())).withTimestamp(context.currentSystemTimeMs()));
    }

    static ArticleKey articleKey(byte[] key) {
        return key == null
                ? null
                : ArticleKey.parse(new String(key, StandardCharsets.UTF_8)).orElse(null);
    }
}
