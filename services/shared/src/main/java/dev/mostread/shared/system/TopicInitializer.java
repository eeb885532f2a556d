package dev.mostread.shared.system;

import dev.mostread.shared.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the contract's topics (§2) when they are missing. Every service calls it for the topics it
 * touches before it starts its clients, so any service can be the first one up.
 */
public final class TopicInitializer {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);

    private final KafkaSettings settings;
    private final Topics topics;

    public TopicInitializer(KafkaSettings settings, Topics topics) {
        this.settings = settings;
        this.topics = topics;
    }

    public NewTopic pageViews() {
        return topic(
                topics.pageViews(),
                limited(settings.retention().pageViewsBytes().toBytes()));
    }

    public NewTopic pageViewsDlq() {
        return topic(
                topics.pageViewsDlq(),
                limited(settings.retention().deadLetterBytes().toBytes()));
    }

    /** A time limit and a size limit: a flood of input can fill a partition to its size, never the disk. */
    private Map<String, String> limited(long bytesPerPartition) {
        return Map.of(
                TopicConfig.RETENTION_MS_CONFIG,
                String.valueOf(settings.retention().time().toMillis()),
                TopicConfig.RETENTION_BYTES_CONFIG,
                String.valueOf(bytesPerPartition),
                TopicConfig.SEGMENT_BYTES_CONFIG,
                String.valueOf(Math.max(1L << 20, Math.min(bytesPerPartition / 4, 1L << 30))));
    }

    public NewTopic articles() {
        return topic(topics.articles(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    public NewTopic rankings() {
        return topic(
                topics.rankings(),
                Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT,
                        // Lists are rewritten often: let the log cleaner keep the topic small.
                        TopicConfig.SEGMENT_MS_CONFIG,
                        String.valueOf(Duration.ofMinutes(10).toMillis()),
                        TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG,
                        "0.1"));
    }

    /** One small compacted partition: the newest counters of every service instance. */
    public NewTopic operatorStats() {
        Optional<Short> replication =
                settings.replicationFactor() > 0 ? Optional.of(settings.replicationFactor()) : Optional.empty();
        return new NewTopic(topics.operatorStats(), Optional.of(1), replication)
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.SEGMENT_MS_CONFIG,
                        String.valueOf(Duration.ofMinutes(10).toMillis()),
                        TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG,
                        "0.1"));
    }

    private NewTopic topic(String name, Map<String, String> configs) {
        Optional<Short> replication =
                settings.replicationFactor() > 0 ? Optional.of(settings.replicationFactor()) : Optional.empty();
        return new NewTopic(name, Optional.of(settings.partitions()), replication).configs(configs);
    }

    /** The number of partitions {@code topic} has now; waits for a topic just created to become known. */
    public int partitionsOf(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin(timeout)) {
            while (true) {
                try {
                    return admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions()
                            .size();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                        throw new IllegalStateException("Could not describe topic " + topic, e.getCause());
                    }
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topic " + topic, e);
        }
    }

    private Admin admin(Duration timeout) {
        Map<String, Object> config = new HashMap<>(settings.client());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(config);
    }

    /** Creates whichever of {@code wanted} do not exist yet; waits up to {@code timeout} for the cluster. */
    public void ensure(Collection<NewTopic> wanted, Duration timeout) {
        try (Admin admin = admin(timeout)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : wanted) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((name, future) -> {
                try {
                    future.get();
                    log.info("Created topic {}", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while creating topic " + name, e);
                }
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka at " + settings.bootstrapServers() + " did not answer", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing topics", e);
        }
    }
}
