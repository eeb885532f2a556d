package dev.mostread.ranker.system;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready only while Kafka Streams is RUNNING and making progress: not while it starts, rebalances, restores
 * state or has failed, and DOWN while the {@link ProgressWatchdog} sees it stalled.
 */
public class RankerHealthIndicator implements HealthIndicator {

    private final RankerStreams streams;

    public RankerHealthIndicator(RankerStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        java.util.Optional<String> stalled = streams.stalled();
        if (stalled.isPresent()) {
            return Health.down()
                    .withDetail("state", state.name())
                    .withDetail("stalled", stalled.get())
                    .build();
        }
        return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.outOfService())
                .withDetail("state", state.name())
                .build();
    }
}
