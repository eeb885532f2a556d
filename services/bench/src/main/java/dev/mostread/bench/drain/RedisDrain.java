package dev.mostread.bench.drain;

import dev.mostread.ranker.ranking.RobotFilter;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageView;
import dev.mostread.shared.pageview.PageViewReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * The Redis reference: the same views, read by a plain consumer, each a {@code ZINCRBY} into its site's and its
 * section's sorted set for the view's minute, pipelined into a local {@code redis-server}. A "last hour" list
 * would still need a {@code ZUNIONSTORE} of 60 sets at read time; this measures the write side only.
 */
final class RedisDrain {

    private static final int PIPELINE = 1000;

    private RedisDrain() {}

    static DrainResult run(String bootstrapServers, String topic, long views, int redisPort, java.time.Duration cap) {
        PageViewReader reader = new PageViewReader(Json.mapper());
        RobotFilter.warmUp();
        RobotFilter robots = new RobotFilter(10_000);
        try (Jedis redis = new Jedis("127.0.0.1", redisPort);
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                2000),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            redis.flushAll();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Pipeline pipeline = redis.pipelined();
            long read = 0;
            long commands = 0;
            long startedAt = 0;
            long cpuAtStart = -1;
            long deadline = Long.MAX_VALUE;
            while (read < views && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (startedAt == 0 && !records.isEmpty()) {
                    startedAt = System.nanoTime();
                    cpuAtStart = Cpu.processNanos();
                    deadline = startedAt + cap.toNanos();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    read++;
                    PageView view = reader.readOne(record.value()).view();
                    if (view == null || !view.isArticle() || robots.isRobot(view.userAgent())) {
                        continue;
                    }
                    long minute = view.timestamp() / 60_000;
                    pipeline.zincrby("mr:" + view.site() + ":" + minute, 1, view.articleId());
                    pipeline.zincrby("mr:" + view.site() + ":" + view.section() + ":" + minute, 1, view.articleId());
                    commands += 2;
                    if (commands % PIPELINE == 0) {
                        pipeline.sync();
                    }
                }
            }
            pipeline.sync();
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            double cpu = Cpu.secondsSince(cpuAtStart);
            return DrainResult.of(
                    "redis-zincrby", read, seconds, cpu, Heap.retained(), Map.of("redis-commands", commands));
        }
    }
}
