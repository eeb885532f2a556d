package dev.mostread.shared.system;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every mostread service reaches Kafka ({@code mostread.kafka.*}).
 *
 * @param bootstrapServers the cluster to use; the standalone app points it at its embedded broker
 * @param partitions partitions of {@code page-views} (and of the other topics) when mostread creates them
 * @param replicationFactor replication of created topics; 0 leaves it to the broker's default
 * @param client extra client properties passed to every producer, consumer and admin client as they are
 * @param retention how much of the input topics mostread keeps when it creates them (§7, no full disk)
 */
@ConfigurationProperties("mostread.kafka")
@Validated
public record KafkaSettings(
        @DefaultValue("127.0.0.1:9092") @NotBlank String bootstrapServers,
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("0") @Min(0) short replicationFactor,
        Map<String, String> client,
        @DefaultValue Retention retention) {

    public KafkaSettings {
        client = client == null ? Map.of() : Map.copyOf(client);
        retention = retention == null ? new Retention(null, null, null) : retention;
    }

    /**
     * Time and size limits of the topics mostread creates: whichever is reached first drops the oldest data.
     *
     * @param time for {@code page-views} and {@code page-views-dlq}: nothing older than a week is ever counted
     * @param pageViewsBytes per partition of {@code page-views}
     * @param deadLetterBytes per partition of {@code page-views-dlq}
     */
    public record Retention(
            @DefaultValue("7d") java.time.Duration time,
            @DefaultValue("1GB") org.springframework.util.unit.DataSize pageViewsBytes,
            @DefaultValue("256MB") org.springframework.util.unit.DataSize deadLetterBytes) {

        public Retention {
            time = time == null ? java.time.Duration.ofDays(7) : time;
            pageViewsBytes =
                    pageViewsBytes == null ? org.springframework.util.unit.DataSize.ofGigabytes(1) : pageViewsBytes;
            deadLetterBytes =
                    deadLetterBytes == null ? org.springframework.util.unit.DataSize.ofMegabytes(256) : deadLetterBytes;
        }
    }

    /**
     * The configuration of a producer whose writes a caller waits for: acks from every in-sync replica,
     * idempotent, and giving up on a record after {@code timeout} — about when the caller stops waiting, so
     * that what was answered "not written" is, as far as anyone can tell, not written.
     */
    public Map<String, Object> reliableProducer(String clientId, java.time.Duration timeout) {
        int millis = (int) timeout.toMillis();
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.put("bootstrap.servers", bootstrapServers);
        config.put("client.id", clientId);
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("max.block.ms", millis);
        config.put("delivery.timeout.ms", millis);
        config.put("request.timeout.ms", Math.max(1000, millis - 1000));
        return config;
    }
}
