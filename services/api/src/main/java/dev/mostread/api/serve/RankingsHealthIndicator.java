package dev.mostread.api.serve;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready once this instance has read every list that was in {@code rankings} when it started; it stays ready
 * while Kafka is away, since it keeps serving the lists it has.
 */
public class RankingsHealthIndicator implements HealthIndicator {

    private final RankingCache cache;

    public RankingsHealthIndicator(RankingCache cache) {
        this.cache = cache;
    }

    @Override
    public Health health() {
        return (cache.caughtUp() ? Health.up() : Health.outOfService())
                .withDetail("lists", cache.all().size())
                .build();
    }
}
