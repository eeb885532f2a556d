package dev.mostread.bench.drain;

import dev.mostread.shared.kafka.Json;
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

/**
 * The limit: one {@link KafkaConsumer} that reads every partition and only deserialises each value into a
 * {@code PageView} (the same reader the ranker uses), or with {@code parse=false} not even that.
 */
final class PlainConsumerDrain {

    private PlainConsumerDrain() {}

    static DrainResult run(String bootstrapServers, String topic, long views, boolean parse) {
        PageViewReader reader = new PageViewReader(Json.mapper());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 52_428_800,
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4_194_304),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long valid = 0;
            long startedAt = 0;
            long cpuAtStart = -1;
            while (read < views) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (startedAt == 0 && !records.isEmpty()) {
                    startedAt = System.nanoTime();
                    cpuAtStart = Cpu.processNanos();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    read++;
                    if (!parse || reader.readOne(record.value()).valid()) {
                        valid++;
                    }
                }
            }
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            double cpu = Cpu.secondsSince(cpuAtStart);
            if (valid != read) {
                throw new IllegalStateException((read - valid) + " of " + read + " views did not parse");
            }
            return DrainResult.of(
                    parse ? "plain-consumer" : "plain-consumer-bytes", read, seconds, cpu, Heap.retained(), Map.of());
        }
    }
}
