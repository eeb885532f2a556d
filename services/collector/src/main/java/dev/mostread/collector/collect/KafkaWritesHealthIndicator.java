package dev.mostread.collector.collect;

import dev.mostread.shared.system.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready while Kafka answers: the collector can only accept events it can write. The answer is remembered for
 * a moment so that frequent probes do not each cost a round trip.
 */
public class KafkaWritesHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REMEMBER = Duration.ofSeconds(2);

    private final Admin admin;
    private final Clock clock;
    private volatile Health last;
    private volatile long checkedAt;

    public KafkaWritesHealthIndicator(KafkaSettings kafka, Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.client());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "mostread-collector-health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(config);
        this.clock = clock;
    }

    @Override
    public Health health() {
        long now = clock.millis();
        Health remembered = last;
        if (remembered != null && now - checkedAt < REMEMBER.toMillis()) {
            return remembered;
        }
        Health health;
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes()
                    .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS)
                    .size();
            health = Health.up().withDetail("brokers", brokers).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            health = Health.outOfService()
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
        last = health;
        checkedAt = now;
        return health;
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
