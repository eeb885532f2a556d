package dev.mostread.standalone.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without {@code mostread.kafka.bootstrap-servers}, points every service at the embedded broker and fixes
 * its ports before any bean reads them.
 */
public class EmbeddedKafkaEnvironment implements EnvironmentPostProcessor {

    public static final String ENABLED = "mostread.kafka.embedded.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("mostread.kafka.bootstrap-servers")) {
            return;
        }
        int port = orFree(environment.getProperty("mostread.kafka.embedded.port", Integer.class, 9092));
        int controllerPort =
                orFree(environment.getProperty("mostread.kafka.embedded.controller-port", Integer.class, 0));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "mostreadEmbeddedKafka",
                        Map.of(
                                ENABLED,
                                "true",
                                "mostread.kafka.embedded.port",
                                String.valueOf(port),
                                "mostread.kafka.embedded.controller-port",
                                String.valueOf(controllerPort),
                                "mostread.kafka.bootstrap-servers",
                                "127.0.0.1:" + port)));
    }

    private static int orFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }
}
