package dev.mostread.shared.operator;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.system.KafkaSettings;
import dev.mostread.shared.system.TopicInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * Publishes this instance's {@link InstanceStats} to {@code operator-stats} every {@code interval}, and a last
 * one marked {@code STOPPED} on a graceful stop: Kafka is the one place every service meets, so every API can
 * show the whole system on its dashboard, the same in the standalone app as with N collectors, rankers and APIs.
 * A report that cannot be sent is dropped (the next one carries the same running totals).
 */
public final class StatsReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatsReporter.class);

    private final KafkaSettings kafka;
    private final Topics topics;
    private final TopicInitializer topicInitializer;
    private final MeterRegistry registry;
    private final Environment environment;
    private final Supplier<String> health;
    private final Duration interval;
    private final Clock clock;
    private volatile ScheduledExecutorService timer;
    private volatile Producer<String, byte[]> producer;
    private volatile String instance;

    public StatsReporter(
            KafkaSettings kafka,
            Topics topics,
            TopicInitializer topicInitializer,
            MeterRegistry registry,
            Environment environment,
            Supplier<String> health,
            Duration interval,
            Clock clock) {
        this.kafka = kafka;
        this.topics = topics;
        this.topicInitializer = topicInitializer;
        this.registry = registry;
        this.environment = environment;
        this.health = health;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void start() {
        ScheduledExecutorService created = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stats-reporter");
            thread.setDaemon(true);
            return thread;
        });
        created.scheduleWithFixedDelay(this::report, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        timer = created;
    }

    private void report() {
        try {
            Producer<String, byte[]> out = producer();
            String name = instance();
            if (out == null || name == null) {
                return;
            }
            send(out, InstanceStats.of(registry, application(), name, clock.millis(), health.get()));
        } catch (RuntimeException e) {
            log.debug("Stats not reported: {}", e.toString());
        }
    }

    private void send(Producer<String, byte[]> out, InstanceStats stats) {
        out.send(new ProducerRecord<>(
                topics.operatorStats(), stats.key(), Json.mapper().writeValueAsBytes(stats)));
    }

    private String application() {
        return environment.getProperty("spring.application.name", "mostread");
    }

    /** Host and HTTP port, known once the web server listens; null before. */
    private String instance() {
        if (instance == null) {
            String port = environment.getProperty("local.server.port");
            if (port == null) {
                return null;
            }
            instance = host() + ":" + port;
        }
        return instance;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            topicInitializer.ensure(List.of(topicInitializer.operatorStats()), Duration.ofSeconds(30));
            Map<String, Object> config = new HashMap<>(kafka.client());
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "mostread-stats-" + application());
            config.put(ProducerConfig.ACKS_CONFIG, "1");
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = timer;
        timer = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Producer<String, byte[]> out = producer;
        if (out != null) {
            try {
                String name = instance();
                if (name != null) {
                    // the last totals stay: what this instance counted before it stopped still counts
                    send(
                            out,
                            InstanceStats.of(registry, application(), name, clock.millis(), health.get())
                                    .stopped(clock.millis()));
                }
                out.flush();
            } catch (RuntimeException e) {
                log.debug("Last stats not reported: {}", e.toString());
            } finally {
                out.close(Duration.ofSeconds(2));
            }
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Stops after the services (its last report has their final totals), before the embedded broker goes. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 8192;
    }
}
