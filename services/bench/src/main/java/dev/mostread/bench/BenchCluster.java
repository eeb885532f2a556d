package dev.mostread.bench;

import dev.mostread.embedded.EmbeddedKafkaBroker;
import dev.mostread.embedded.EmbeddedKafkaProperties;
import dev.mostread.shared.kafka.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** The benchmark's one real Kafka broker (mostread's embedded KRaft broker, in the harness's JVM). */
final class BenchCluster implements AutoCloseable {

    static final int PARTITIONS = 6;

    private final EmbeddedKafkaBroker broker;

    BenchCluster(Path dataDir) {
        broker = new EmbeddedKafkaBroker(new EmbeddedKafkaProperties(freePort(), freePort()), dataDir);
        broker.start();
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The contract's topics under {@code topics}' prefix, plus the baseline's output. */
    void createTopics(Topics topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<String> names = List.of(
                    topics.pageViews(),
                    topics.articles(),
                    topics.rankings(),
                    topics.pageViewsDlq(),
                    topics.prefix() + "naive-top-n");
            admin.createTopics(names.stream()
                            .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                            .toList())
                    .all()
                    .get();
            // An idempotent producer that writes before the broker leads every partition gets NOT_LEADER, retries,
            // and can then fail with OutOfOrderSequence (seen here): wait until the broker's own metadata has them.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!admin.describeTopics(names).allTopicNames().get().values().stream()
                    .allMatch(t -> t.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + names + " have no leaders after 30 s");
                }
                Thread.sleep(100); // a harness polling interval
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void close() {
        broker.stop();
    }
}
