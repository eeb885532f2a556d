package dev.mostread.ranker.system;

import dev.mostread.ranker.ranking.LooksPolicy;
import dev.mostread.ranker.ranking.RobotFilter;
import dev.mostread.ranker.stream.RankerMetrics;
import dev.mostread.ranker.stream.RankerTopology;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.system.KafkaSettings;
import dev.mostread.shared.system.ListsProperties;
import dev.mostread.shared.system.SitesProperties;
import dev.mostread.shared.system.TopicInitializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the ranker topology with exactly-once processing for as long as the application runs. */
public class RankerStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RankerStreams.class);

    private final KafkaSettings kafka;
    private final RankerProperties properties;
    private final SitesProperties sites;
    private final Duration dedupeWindow;
    private final Topics topics;
    private final TopicInitializer topicInitializer;
    private final MeterRegistry registry;
    private final ListsProperties lists;
    private final Path stateDir;
    private final MetadataProperties metadata;
    private final Clock clock;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private DeadLetterWriter deadLetters;
    private volatile ProgressWatchdog watchdog;
    private ScheduledExecutorService watching;

    public RankerStreams(
            KafkaSettings kafka,
            RankerProperties properties,
            ListsProperties lists,
            MetadataProperties metadata,
            SitesProperties sites,
            Duration dedupeWindow,
            Topics topics,
            TopicInitializer topicInitializer,
            MeterRegistry registry,
            Path stateDir,
            Clock clock) {
        this.metadata = metadata;
        this.lists = lists;
        this.clock = clock;
        this.kafka = kafka;
        this.properties = properties;
        this.sites = sites;
        this.dedupeWindow = dedupeWindow;
        this.topics = topics;
        this.topicInitializer = topicInitializer;
        this.registry = registry;
        this.stateDir = stateDir;
    }

    @Override
    public void start() {
        topicInitializer.ensure(
                List.of(
                        topicInitializer.pageViews(),
                        topicInitializer.pageViewsDlq(),
                        topicInitializer.articles(),
                        topicInitializer.rankings()),
                Duration.ofSeconds(60));
        int partitions = topicInitializer.partitionsOf(topics.pageViews(), Duration.ofSeconds(60));
        int articlePartitions = topicInitializer.partitionsOf(topics.articles(), Duration.ofSeconds(60));
        RobotFilter.warmUp();
        RankerTopology.Settings settings = new RankerTopology.Settings(
                partitions,
                articlePartitions,
                properties.tick(),
                properties.catchUp().toCatchUp(),
                properties.listSize(),
                dedupeWindow,
                sites.zones(),
                new RobotFilter(properties.userAgentCacheSize()),
                new LooksPolicy(metadata.confirmations(), sites.hosts()),
                properties.caps().toStateCaps(),
                lists.windows(),
                lists.sorts(),
                properties.trending().toRule());
        RankerMetrics metrics = new RankerMetrics(registry);
        deadLetters = new DeadLetterWriter(kafka.client(), kafka.bootstrapServers(), topics, metrics);
        Properties config = streamsConfig();
        config.put(DeadLetterWriter.CONFIG, deadLetters);
        KafkaStreams created = new KafkaStreams(RankerTopology.build(topics, settings, metrics), config);
        ProgressWatchdog progress = new ProgressWatchdog(properties.stallTimeout(), clock.millis());
        Counter failures = Counter.builder("mostread.ranker.thread.failures")
                .description("Stream threads that failed and were replaced")
                .register(registry);
        created.setUncaughtExceptionHandler(error -> {
            log.error("Stream thread failed; replacing it", error);
            failures.increment();
            progress.threadFailed(clock.millis());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        Counter rebalances = Counter.builder("mostread.ranker.rebalances")
                .description("Times this instance's stream threads entered a rebalance (after the first start)")
                .register(registry);
        created.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.REBALANCING && oldState == KafkaStreams.State.RUNNING) {
                rebalances.increment();
            }
        });
        Gauge.builder(
                        "mostread.ranker.stalled",
                        this,
                        ranker -> ranker.stalled().isPresent() ? 1 : 0)
                .description("1 while the ranker makes no progress: input waiting with no commit, or failing threads")
                .register(registry);
        streamsMetrics = new KafkaStreamsMetrics(created);
        streamsMetrics.bindTo(registry);
        watchdog = progress;
        created.start();
        streams = created;
        watching = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ranker-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watching.scheduleAtFixedRate(this::observe, 5, 5, TimeUnit.SECONDS);
        log.info("Ranker started: application.id={}, {} page-views partitions", lists.applicationId(), partitions);
    }

    /** Feeds the watchdog: the main consumers' largest lag and the stream threads' commits so far. */
    private void observe() {
        KafkaStreams running = streams;
        ProgressWatchdog progress = watchdog;
        if (running == null || progress == null) {
            return;
        }
        try {
            double lag = 0;
            double commits = 0;
            for (Metric metric : running.metrics().values()) {
                MetricName name = metric.metricName();
                Object value = metric.metricValue();
                if (!(value instanceof Double number) || number.isNaN()) {
                    continue;
                }
                if (name.name().equals("records-lag-max")
                        && name.group().equals("consumer-fetch-manager-metrics")
                        && !String.valueOf(name.tags().get("client-id")).contains("restore")) {
                    lag = Math.max(lag, number);
                } else if (name.name().equals("commit-total") && name.group().equals("stream-thread-metrics")) {
                    commits += number;
                }
            }
            progress.observe(running.state() == KafkaStreams.State.RUNNING, lag, commits, clock.millis());
        } catch (RuntimeException e) {
            log.warn("Could not read the ranker's progress: {}", e.toString());
        }
    }

    /** Why the ranker makes no progress, or empty while it does (or before it started). */
    public Optional<String> stalled() {
        ProgressWatchdog progress = watchdog;
        if (progress == null) {
            return Optional.empty();
        }
        KafkaStreams.State state = state();
        if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR) {
            return Optional.of("Kafka Streams is in state " + state);
        }
        return progress.stalled(clock.millis());
    }

    Properties streamsConfig() {
        return streamsConfig(kafka, lists.applicationId(), properties, stateDir, instanceId());
    }

    /** The ranker's Kafka Streams configuration; the benchmark runs the topology with exactly this. */
    public static Properties streamsConfig(
            KafkaSettings kafka, String applicationId, RankerProperties properties, Path stateDir, String instanceId) {
        Properties config = new Properties();
        config.putAll(kafka.client());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.streamThreads());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
        config.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                properties.commitInterval().toMillis());
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // A record that fails in a processor, in a serialiser or at the broker goes to the dead-letter topic
        // and the stream goes on (the handlers find their writer under DeadLetterWriter.CONFIG; without it
        // they log and skip); an unreadable record in an internal topic is skipped the same way.
        config.put(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandlers.Processing.class.getName());
        config.put(
                StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandlers.Production.class.getName());
        config.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        // Repartition topics are purged as they are consumed; this bounds them on disk if consumption stops.
        config.put(StreamsConfig.topicPrefix(TopicConfig.RETENTION_BYTES_CONFIG), String.valueOf(1L << 30));
        if (kafka.replicationFactor() > 0) {
            config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        }
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // An idle fetch waits this long for data: it bounds how late a tick's candidates reach the publisher.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
        // By default (0) a task holds back all its input while one input partition is empty but has data on the
        // broker, to pick records across partitions in timestamp order: that order is what joins need. The ranker
        // joins nothing. Each partition's own order is still kept (a site's views, keyed by article, reach it
        // through one partition), so a view is no longer held back by a catalog or repartition partition being
        // fetched, and Kafka Streams skips its per-record check of every input partition (4% of a drain's stream
        // thread).
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        config.putAll(properties.streams());
        return config;
    }

    /** The configured static membership id, or one generated once and kept beside the state. */
    private String instanceId() {
        if (!properties.instanceId().isBlank()) {
            return properties.instanceId();
        }
        try {
            Files.createDirectories(stateDir);
            Path file = stateDir.resolve("instance-id");
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = "ranker-" + UUID.randomUUID();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the ranker's instance id in " + stateDir, e);
        }
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running == null) {
            return;
        }
        if (watching != null) {
            watching.shutdownNow();
        }
        // A static member that leaves the group on close is removed from it, and the others rebalance at once:
        // exactly what static membership is for avoiding. Staying in the group, this instance's tasks wait for it
        // (up to the session timeout) and a restart takes them back with no rebalance.
        running.close(new KafkaStreams.CloseOptions().leaveGroup(false).timeout(properties.closeTimeout()));
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
        streams = null;
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** Start after the embedded broker (if any), before the web server takes requests. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
    }
}
