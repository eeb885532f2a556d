package dev.mostread.shared.system;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every mostread service reaches Kafka ({@code mostread.kafka.*}).
 *
 * @param bootstrapServers the cluster to use; the standalone app points it at its embedded broker
 * @param partitions partitions of {@code page-views} (and of the other topics) when mostread creates them
 * @param replicationFactor replication of created topics; 0 leaves it to the broker's default
 * @param client extra client properties passed to every producer, consumer and admin client as they are
 */
@ConfigurationProperties("mostread.kafka")
public record KafkaSettings(
        @DefaultValue("127.0.0.1:9092") String bootstrapServers,
        @DefaultValue("6") int partitions,
        @DefaultValue("0") short replicationFactor,
        Map<String, String> client) {

    public KafkaSettings {
        client = client == null ? Map.of() : Map.copyOf(client);
    }
}
