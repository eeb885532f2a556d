package dev.mostread.ranker.system;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Ready only while Kafka Streams is RUNNING: not while it starts, rebalances, restores state or has failed. */
public class RankerHealthIndicator implements HealthIndicator {

    private final RankerStreams streams;

    public RankerHealthIndicator(RankerStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.outOfService())
                .withDetail("state", state.name()).build();
    }
}
