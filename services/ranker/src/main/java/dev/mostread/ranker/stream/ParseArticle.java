package dev.mostread.ranker.stream;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mostread.shared.article.Article;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageViewRules;

/**
 * Reads each {@code articles} record: a catalog entry or a tombstone for the article its key names. Records
 * whose key names no article or whose value is not an Article are skipped (and logged): the catalog is
 * written by the API, which validates, so these come only from other writers.
 */
final class ParseArticle implements FixedKeyProcessor<byte[], byte[], ParsedView> {

    private static final Logger log = LoggerFactory.getLogger(ParseArticle.class);

    private final ArticlePartitions partitions;
    private FixedKeyProcessorContext<byte[], ParsedView> context;

    ParseArticle(ArticlePartitions partitions) {
        this.partitions = partitions;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], ParsedView> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        String articleKey = articleKey(record.key());
        if (articleKey == null) {
            log.warn("Skipping an articles record whose key is not {site}/{articleId}");
            return;
        }
        Article article = null;
        if (record.value() != null) {
            try {
                article = Json.mapper().readValue(record.value(), Article.class);
            } catch (RuntimeException e) {
                log.warn("Skipping unreadable catalog entry for {}: {}", articleKey, e.getMessage());
                return;
            }
            if (article == null) {
                return;
            }
        }
        boolean inPlace = partitions.inArticlePartition(record.key(), articleKey, context.recordMetadata().orElse(null));
        context.forward(record.withValue(ParsedView.valid(articleKey, ArticleInput.catalog(article), inPlace)));
    }

    static String articleKey(byte[] key) {
        if (key == null) {
            return null;
        }
        String text = new String(key, StandardCharsets.UTF_8);
        int slash = text.indexOf('/');
        if (slash < 0 || !PageViewRules.isSlug(text.substring(0, slash))
                || !PageViewRules.isArticleId(text.substring(slash + 1))) {
            return null;
        }
        return text;
    }
}
