package dev.mostread.standalone;

import dev.mostread.embedded.EmbeddedKafkaBroker;
import dev.mostread.embedded.EmbeddedKafkaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * Three real KRaft nodes (broker and controller each) in this JVM, every topic replicated three times with
 * {@code min.insync.replicas=2}: a cluster whose brokers a test can stop and start.
 */
final class LocalKafkaCluster implements AutoCloseable {

    private static final Map<String, String> REPLICATED = Map.of(
            "default.replication.factor", "3",
            "min.insync.replicas", "2",
            "offsets.topic.replication.factor", "3",
            "transaction.state.log.replication.factor", "3",
            "transaction.state.log.min.isr", "2",
            "share.coordinator.state.topic.replication.factor", "3",
            "share.coordinator.state.topic.min.isr", "2");

    private final List<EmbeddedKafkaBroker> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    LocalKafkaCluster(Path dir, int size) {
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(freePort());
            controllerPorts.add(freePort());
        }
        String voters = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (int i = 0; i < size; i++) {
            try {
                nodes.add(new EmbeddedKafkaBroker(
                        new EmbeddedKafkaProperties(ports.get(i), controllerPorts.get(i)),
                        Files.createDirectories(dir.resolve("node-" + (i + 1))),
                        i + 1,
                        voters,
                        clusterId,
                        REPLICATED));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // A node's start waits for a quorum: start them together.
        CompletableFuture.allOf(nodes.stream()
                        .map(node -> CompletableFuture.runAsync(node::start))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    String bootstrapServers() {
        return ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    EmbeddedKafkaBroker node(int index) {
        return nodes.get(index);
    }

    @Override
    public void close() {
        CompletableFuture.allOf(nodes.stream()
                        .map(node -> CompletableFuture.runAsync(node::stop))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
