package dev.mostread.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), started in this process from
 * Kafka's own server classes. Its storage is formatted once, on first start; afterwards every restart
 * finds its topics, offsets and transactions where it left them.
 */
public class EmbeddedKafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int NODE_ID = 1;

    private final EmbeddedKafkaProperties properties;
    private final Path logDir;
    private final int nodeId;
    private final String voters;
    private final String clusterId;
    private final Map<String, String> overrides;
    private volatile KafkaRaftServer server;

    public EmbeddedKafkaBroker(EmbeddedKafkaProperties properties, Path dataDir) {
        this(
                properties,
                dataDir,
                NODE_ID,
                NODE_ID + "@127.0.0.1:" + properties.controllerPort(),
                Uuid.randomUuid().toString(),
                Map.of());
    }

    /**
     * One node of a local multi-node cluster (for tests that stop brokers): every node gets the same
     * {@code voters} ({@code id@host:controllerPort,...}) and {@code clusterId}; {@code overrides} replace the
     * single-node settings (replication factors, minimum ISR).
     */
    public EmbeddedKafkaBroker(
            EmbeddedKafkaProperties properties,
            Path dataDir,
            int nodeId,
            String voters,
            String clusterId,
            Map<String, String> overrides) {
        this.properties = properties;
        this.logDir = dataDir.resolve("kafka").toAbsolutePath();
        this.nodeId = nodeId;
        this.voters = voters;
        this.clusterId = clusterId;
        this.overrides = Map.copyOf(overrides);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        requireFree(properties.port(), "mostread.kafka.embedded.port");
        requireFree(properties.controllerPort(), "mostread.kafka.embedded.controller-port");
        KafkaExitGuard.install();
        KafkaConfig config = new KafkaConfig(brokerConfig(), false);
        formatOnce(config);
        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        started.startup();
        server = started;
        log.info("Embedded Kafka broker listening on 127.0.0.1:{} (data in {})", properties.port(), logDir);
    }

    private Map<String, Object> brokerConfig() {
        String listener = "PLAINTEXT://127.0.0.1:" + properties.port();
        String controller = CONTROLLER_LISTENER + "://127.0.0.1:" + properties.controllerPort();
        Map<String, Object> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(nodeId));
        config.put("controller.quorum.voters", voters);
        config.put("listeners", listener + "," + controller);
        config.put("advertised.listeners", listener);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        // One node: every replication factor and minimum ISR is 1, including the transaction log's,
        // without which exactly-once producers wait for a coordinator that never comes.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "6");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "6");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("num.partitions", "6");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        config.putAll(overrides);
        return config;
    }

    private void formatOnce(KafkaConfig config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
            log.info("Formatted new Kafka storage in {}", logDir);
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir, e);
        }
    }

    /** Kafka's broker never returns from startup() when its port is taken: check first, and say which. */
    private static void requireFree(int port, String property) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Port " + port + " on 127.0.0.1 is in use: set " + property
                            + " to a free port, or mostread.kafka.bootstrap-servers to use an external Kafka",
                    e);
        }
    }

    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        running.shutdown();
        running.awaitShutdown();
        server = null;
        log.info("Embedded Kafka broker stopped");
    }

    public boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + properties.port();
    }

    Path logDir() {
        return logDir;
    }
}
