package dev.mostread.standalone;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The pipeline scenario against Apache Kafka in a container; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class PipelineIT extends PipelineScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");

    @Override
    ConfigurableApplicationContext start(Path dataDir) {
        return StandaloneApplication.application()
                .run(
                        "--server.port=0",
                        "--mostread.data-dir=" + dataDir,
                        "--mostread.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers());
    }

    @Override
    String bootstrapServers(ConfigurableApplicationContext app) {
        return KAFKA.getBootstrapServers();
    }

    @Test
    void countsPostedAndProducedViewsAndServesTheSameListsAfterARestart(@TempDir Path dataDir) {
        runsThePipelineAndKeepsTheListsAcrossARestart(dataDir);
    }
}
