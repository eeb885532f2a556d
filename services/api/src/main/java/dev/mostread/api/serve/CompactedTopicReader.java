package dev.mostread.api.serve;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads whole compacted topics into memory, from the beginning, on a thread of its own, and keeps following them:
 * every partition, no consumer group, so every instance holds the same. Reading starts once every topic exists.
 * A failure of the consumer (Kafka away) is logged and the reading starts again; what was read stays. Subclasses
 * keep what {@link #apply} gives them.
 */
public abstract class CompactedTopicReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final List<String> topics;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile Consumer<String, byte[]> consumer;
    private Thread reader;

    protected CompactedTopicReader(Supplier<Consumer<String, byte[]>> consumers, String topic) {
        this(consumers, List.of(topic));
    }

    protected CompactedTopicReader(Supplier<Consumer<String, byte[]>> consumers, List<String> topics) {
        this.consumers = consumers;
        this.topics = List.copyOf(topics);
    }

    /** Takes one record (a null value is a tombstone), on the reader thread. */
    protected abstract void apply(ConsumerRecord<String, byte[]> record);

    /** Called once, when everything that was in the topic at the start has been read. */
    protected void caughtUpNow() {}

    /** True once everything that was in the topic when this instance started has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    protected String topic() {
        return String.join(",", topics);
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::read, topics.get(0) + "-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (running) {
            try {
                readUntilStopped();
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Reader of {} failed; keeping what it has and retrying: {}", topic(), e.toString());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void readUntilStopped() {
        try (Consumer<String, byte[]> created = consumers.get()) {
            consumer = created;
            List<TopicPartition> partitions = awaitPartitions(created);
            created.assign(partitions);
            created.seekToBeginning(partitions);
            Map<TopicPartition, Long> startEnd = created.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : created.poll(POLL)) {
                    apply(record);
                }
                if (!caughtUp && reachedEnd(created, startEnd)) {
                    caughtUp = true;
                    caughtUpNow();
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> created) {
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (String topic : topics) {
            partitions.addAll(awaitPartitions(created, topic));
        }
        return partitions;
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> created, String topic) {
        while (running) {
            try {
                List<PartitionInfo> infos = created.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
                }
                // not there yet (another service creates it): ask again, without hammering the broker
                pause(Duration.ofSeconds(1));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.warn("Waiting for topic {}: {}", topic, e.getMessage());
            }
        }
        throw new WakeupException();
    }

    private static boolean reachedEnd(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
