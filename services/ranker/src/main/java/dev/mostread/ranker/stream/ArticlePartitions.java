package dev.mostread.ranker.stream;

import dev.mostread.shared.article.ArticleKey;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Whether a source record already sits where its article's views are counted: keyed exactly
 * {@code {site}/{articleId}} and in the partition the Java client's partitioner gives that key. Only then can
 * it skip the trip through a repartition topic (a client with another partitioner, such as librdkafka's
 * default, puts the same key elsewhere).
 */
final class ArticlePartitions {

    private final int partitions;

    ArticlePartitions(int partitions) {
        this.partitions = partitions;
    }

    /** For a topic partitioned unlike {@code page-views}: every record takes the repartition topic. */
    static ArticlePartitions none() {
        return new ArticlePartitions(0);
    }

    boolean inArticlePartition(byte[] key, ArticleKey article, RecordMetadata metadata) {
        if (partitions == 0 || key == null || metadata == null || !article.isEncodedAs(key)) {
            return false;
        }
        return metadata.partition() == Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}
