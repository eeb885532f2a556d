package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mostread.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The pipeline scenario with {@code mostread.kafka.bootstrap-servers} set: the standalone app starts no
 * broker of its own and uses the given cluster (here a separate KRaft broker from spring-kafka-test).
 */
class ExternalKafkaPipelineIntegrationTest extends PipelineScenario {

    private static EmbeddedKafkaKraftBroker cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new EmbeddedKafkaKraftBroker(1, 1);
        cluster.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        cluster.afterPropertiesSet();
    }

    @AfterAll
    static void stopCluster() {
        cluster.destroy();
    }

    @Override
    ConfigurableApplicationContext start(Path dataDir) {
        ConfigurableApplicationContext app = StandaloneApplication.application()
                .run(
                        "--server.port=0",
                        "--mostread.data-dir=" + dataDir,
                        "--mostread.kafka.bootstrap-servers=" + cluster.getBrokersAsString());
        assertThat(app.getBeansOfType(EmbeddedKafkaBroker.class)).isEmpty();
        return app;
    }

    @Override
    String bootstrapServers(ConfigurableApplicationContext app) {
        return cluster.getBrokersAsString();
    }

    @Test
    void countsPostedAndProducedViewsAndServesTheSameListsAfterARestart(@TempDir Path dataDir) {
        runsThePipelineAndKeepsTheListsAcrossARestart(dataDir);
    }
}
