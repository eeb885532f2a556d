package dev.mostread.api.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.ranking.Ranking;

/**
 * The whole compacted {@code rankings} topic, in memory. Every API instance reads every partition from the
 * beginning (no consumer group), so all instances serve the same lists, and keep serving the last ones they
 * have while Kafka is unreachable.
 */
public class RankingCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RankingCache.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final Map<String, ServedList> lists = new ConcurrentHashMap<>();
    /** Lists per site: a site whose every list was deleted is forgotten (404, and gone from /api/v1/sites). */
    private final Map<String, Integer> sites = new ConcurrentHashMap<>();
    private final Map<Period, Instant> newestAsOf = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<ServedList>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile Consumer<String, byte[]> consumer;
    private Thread reader;

    public RankingCache(Supplier<Consumer<String, byte[]>> consumers, String topic) {
        this.consumers = consumers;
        this.topic = topic;
    }

    /** Calls {@code listener} with every new version of any list, on the reader thread: it must not block. */
    public void onChange(java.util.function.Consumer<ServedList> listener) {
        listeners.add(listener);
    }

    public Optional<ServedList> list(ListKey key) {
        return Optional.ofNullable(lists.get(key.toString()));
    }

    public boolean knows(String site) {
        return sites.containsKey(site);
    }

    public Collection<Ranking> all() {
        List<Ranking> all = new ArrayList<>(lists.size());
        lists.values().forEach(list -> all.add(list.ranking()));
        return all;
    }

    /**
     * How old the freshest list of {@code period} is, in milliseconds (NaN before the first): while views
     * flow, lists change every tick, so a growing age means the pipeline has stalled.
     */
    public double ageMillis(Period period, Instant now) {
        Instant newest = newestAsOf.get(period);
        return newest == null ? Double.NaN : Math.max(0, now.toEpochMilli() - newest.toEpochMilli());
    }

    /** True once everything that was in {@code rankings} when this instance started has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::read, "rankings-reader");
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
                log.warn("Rankings reader failed; serving the lists it has and retrying: {}", e.toString());
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
                    log.info("Read {} lists from {}", lists.size(), topic);
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
        while (running) {
            try {
                List<PartitionInfo> infos = created.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
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

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            ServedList removed = lists.remove(record.key());
            if (removed != null) {
                sites.computeIfPresent(removed.ranking().site(), (site, count) -> count <= 1 ? null : count - 1);
            }
            return;
        }
        try {
            Ranking ranking = Json.mapper().readValue(record.value(), Ranking.class);
            Optional<ListKey> key = ListKey.parse(record.key());
            if (key.isEmpty() || ranking.items() == null) {
                return;
            }
            ServedList list = new ServedList(key.get(), ranking, Json.mapper());
            if (lists.put(record.key(), list) == null) {
                sites.merge(ranking.site(), 1, Integer::sum);
            }
            if (!list.key().isTrending()) {
                newestAsOf.merge(list.key().period(), ranking.asOf(), (a, b) -> a.isAfter(b) ? a : b);
            }
            listeners.forEach(listener -> listener.accept(list));
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable ranking {} at {}-{}@{}: {}", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
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

    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
