package dev.mostread.ranker.system;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ranker's settings ({@code mostread.ranker.*}).
 *
 * @param applicationId the Kafka Streams {@code application.id}: every instance with the same id shares the work
 * @param tick how often each partition proposes its changed lists and ages its counts
 * @param listSize items kept in each published list (the API's {@code limit} goes up to this)
 * @param streamThreads stream threads per instance
 * @param standbyReplicas warm copies of each task's state on other instances ({@code num.standby.replicas})
 * @param commitInterval how often offsets and state are committed (one exactly-once transaction each)
 * @param instanceId static group membership id; empty takes one kept in the state directory, so a restarted
 *        instance rejoins without waiting for its old session to time out
 * @param userAgentCacheSize distinct user agents whose robot verdict is remembered
 * @param streams any other Kafka Streams property, passed as it is
 */
@ConfigurationProperties("mostread.ranker")
public record RankerProperties(
        @DefaultValue("mostread-ranker") String applicationId,
        @DefaultValue("250ms") Duration tick,
        @DefaultValue("50") int listSize,
        @DefaultValue("1") int streamThreads,
        @DefaultValue("0") int standbyReplicas,
        @DefaultValue("100ms") Duration commitInterval,
        @DefaultValue("") String instanceId,
        @DefaultValue("10000") int userAgentCacheSize,
        Map<String, String> streams) {

    public RankerProperties {
        streams = streams == null ? Map.of() : Map.copyOf(streams);
    }
}
