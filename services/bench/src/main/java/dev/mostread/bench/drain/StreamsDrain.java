package dev.mostread.bench.drain;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Runs a Kafka Streams topology over a preloaded topic until its group has committed every view (or until a
 * time cap, for topologies too slow to finish), and reads what it wrote from its producers' own metrics.
 */
final class StreamsDrain {

    private StreamsDrain() {}

    /**
     * @param processed counts views as the topology processes them, for a capped run; null for a run to the end,
     *                  which counts views by committed offsets
     */
    static DrainResult run(
            String subject,
            Topology topology,
            Properties config,
            String topic,
            long views,
            Duration cap,
            LongSupplier processed)
            throws Exception {
        String group = config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
            Map<TopicPartition, Long> end = endOffsets(admin, topic);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            if (total < views) {
                throw new IllegalStateException(topic + " holds " + total + " views, not " + views);
            }
            CountDownLatch running = new CountDownLatch(1);
            KafkaStreams streams = new KafkaStreams(topology, config);
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.start();
            if (!running.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(subject + " did not reach RUNNING: " + streams.state());
            }
            long startedAt = System.nanoTime();
            long cpuAtStart = Cpu.processNanos();
            long deadline = startedAt + cap.toNanos();
            long done = 0;
            while (done < total && System.nanoTime() < deadline) {
                Thread.sleep(50); // a harness polling interval, not test synchronisation
                done = processed != null ? processed.getAsLong() : committed(admin, group, topic);
            }
            double seconds = (System.nanoTime() - startedAt) / 1e9;
            if (processed != null) {
                done = processed.getAsLong();
            }
            double cpu = Cpu.secondsSince(cpuAtStart);
            Map<String, Long> written = recordsSent(streams);
            long heap = Heap.retained();
            streams.close(Duration.ofSeconds(120));
            streams.cleanUp();
            return DrainResult.of(subject, done, seconds, cpu, heap, written);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic)
            throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(java.util.List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static long committed(Admin admin, String group, String topic)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    /** Records every producer of the instance sent, by topic ({@code producer-topic-metrics}). */
    private static Map<String, Long> recordsSent(KafkaStreams streams) {
        Map<String, Long> sent = new HashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            MetricName name = metric.getKey();
            if (name.group().equals("producer-topic-metrics") && name.name().equals("record-send-total")) {
                Object value = metric.getValue().metricValue();
                if (value instanceof Number number) {
                    sent.merge(name.tags().get("topic"), number.longValue(), Long::sum);
                }
            }
        }
        return sent;
    }
}
