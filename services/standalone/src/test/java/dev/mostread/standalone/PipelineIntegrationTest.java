package dev.mostread.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The pipeline scenario on the standalone app's own embedded KRaft broker. */
class PipelineIntegrationTest extends PipelineScenario {

    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();

    @Override
    ConfigurableApplicationContext start(Path dataDir) {
        return StandaloneApplication.application()
                .run(
                        "--server.port=0",
                        "--mostread.data-dir=" + dataDir,
                        "--mostread.kafka.embedded.port=" + kafkaPort,
                        "--mostread.kafka.embedded.controller-port=" + controllerPort);
    }

    @Override
    String bootstrapServers(ConfigurableApplicationContext app) {
        return "127.0.0.1:" + kafkaPort;
    }

    @Test
    void countsPostedAndProducedViewsAndServesTheSameListsAfterARestart(@TempDir Path dataDir) {
        runsThePipelineAndKeepsTheListsAcrossARestart(dataDir);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
