package dev.mostread.operator;

import dev.mostread.api.serve.CompactedTopicReader;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.operator.InstanceStats;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every service instance's newest {@link InstanceStats}, read from the compacted {@code operator-stats} topic:
 * what {@code /api/v1/stats} adds up, so every API's dashboard shows the whole system. At most
 * {@value #MAX_INSTANCES} instances are kept (a hostile or broken writer cannot grow it without bound).
 */
public class SystemStats extends CompactedTopicReader {

    private static final Logger log = LoggerFactory.getLogger(SystemStats.class);
    static final int MAX_INSTANCES = 1000;

    private final Map<String, InstanceStats> instances = new ConcurrentHashMap<>();

    public SystemStats(Supplier<Consumer<String, byte[]>> consumers, String topic) {
        super(consumers, topic);
    }

    public List<InstanceStats> all() {
        return instances.values().stream()
                .sorted(java.util.Comparator.comparing(InstanceStats::application)
                        .thenComparing(InstanceStats::instance))
                .toList();
    }

    @Override
    protected void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            instances.remove(record.key());
            return;
        }
        try {
            InstanceStats stats = Json.mapper().readValue(record.value(), InstanceStats.class);
            if (stats.application() == null
                    || stats.instance() == null
                    || !record.key().equals(stats.key())) {
                return;
            }
            if (instances.size() < MAX_INSTANCES || instances.containsKey(record.key())) {
                instances.put(record.key(), stats);
            }
        } catch (RuntimeException e) {
            log.debug("Skipping unreadable stats {}: {}", record.key(), e.getMessage());
        }
    }
}
