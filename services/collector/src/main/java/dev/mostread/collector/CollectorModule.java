package dev.mostread.collector;

import dev.mostread.collector.collect.ClientRateLimits;
import dev.mostread.collector.collect.CollectorMetrics;
import dev.mostread.collector.collect.CollectorProperties;
import dev.mostread.collector.collect.DiskGuard;
import dev.mostread.collector.collect.Intake;
import dev.mostread.collector.collect.KafkaWritesHealthIndicator;
import dev.mostread.collector.collect.PageViewPublisher;
import dev.mostread.collector.collect.SitePolicy;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.pageview.PageViewReader;
import dev.mostread.shared.system.KafkaSettings;
import dev.mostread.shared.system.MostreadProperties;
import dev.mostread.shared.system.SitesProperties;
import dev.mostread.shared.system.TopicInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Everything the collector adds to an application context, whether it runs alone or inside the standalone app. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@EnableConfigurationProperties(CollectorProperties.class)
public class CollectorModule {

    private static final Logger log = LoggerFactory.getLogger(CollectorModule.class);

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> pageViewProducer(
            KafkaSettings kafka, CollectorProperties properties, MeterRegistry registry) {
        Map<String, Object> config = kafka.reliableProducer("mostread-collector", properties.sendTimeout());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Producer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        new KafkaClientMetrics(producer).bindTo(registry);
        return producer;
    }

    @Bean
    PageViewPublisher pageViewPublisher(Producer<String, byte[]> pageViewProducer, Topics topics) {
        return new PageViewPublisher(pageViewProducer, topics, Json.mapper());
    }

    /** Readiness: the {@code kafkaWrites} health contributor. */
    @Bean
    KafkaWritesHealthIndicator kafkaWritesHealthIndicator(KafkaSettings kafka, java.time.Clock clock) {
        return new KafkaWritesHealthIndicator(kafka, clock);
    }

    @Bean
    SitePolicy sitePolicy(SitesProperties sites, CollectorProperties properties) {
        return new SitePolicy(sites, properties.maxSites());
    }

    @Bean
    ClientRateLimits clientRateLimits(CollectorProperties properties, CollectorMetrics metrics) {
        return new ClientRateLimits(properties.rateLimit(), metrics);
    }

    @Bean
    DiskGuard diskGuard(CollectorProperties properties, MostreadProperties common, java.time.Clock clock) {
        return new DiskGuard(
                common.dataDir(), properties.minFreeDisk().toBytes(), properties.minFreeDiskRatio(), clock);
    }

    @Bean
    Intake intake(
            PageViewPublisher pageViewPublisher,
            CollectorProperties properties,
            CollectorMetrics metrics,
            SitePolicy sitePolicy,
            ClientRateLimits clientRateLimits,
            DiskGuard diskGuard) {
        return new Intake(pageViewPublisher, properties, metrics, sitePolicy, clientRateLimits, diskGuard);
    }

    @Bean
    PageViewReader pageViewReader() {
        return new PageViewReader(Json.mapper());
    }

    @Bean
    CollectorMetrics collectorMetrics(MeterRegistry registry) {
        return new CollectorMetrics(registry);
    }

    /**
     * Creates {@code page-views} if it is missing, in the background: the collector starts, and answers 503,
     * even while Kafka is away.
     */
    @Bean
    SmartLifecycle collectorTopics(TopicInitializer topicInitializer) {
        return new SmartLifecycle() {
            private volatile Thread worker;

            @Override
            public void start() {
                worker = new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                try {
                                    topicInitializer.ensure(
                                            List.of(topicInitializer.pageViews()), Duration.ofSeconds(30));
                                    return;
                                } catch (RuntimeException e) {
                                    log.warn(
                                            "Cannot create {} yet: {}",
                                            topicInitializer.pageViews().name(),
                                            e.getMessage());
                                }
                            }
                        },
                        "collector-topics");
                worker.setDaemon(true);
                worker.start();
            }

            @Override
            public void stop() {
                Thread running = worker;
                if (running != null) {
                    running.interrupt();
                }
                worker = null;
            }

            @Override
            public boolean isRunning() {
                return worker != null;
            }

            @Override
            public int getPhase() {
                return DEFAULT_PHASE - 4096;
            }
        };
    }

    @Bean
    WebMvcConfigurer collectorCors() {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                // navigator.sendBeacon sends credentials, so a wildcard origin would fail its CORS check:
                // echo the page's origin instead. No cookie is ever read.
                registry.addMapping("/api/v1/events")
                        .allowedOriginPatterns("*")
                        .allowCredentials(true)
                        .allowedMethods("POST")
                        .allowedHeaders("Content-Type")
                        .maxAge(Duration.ofDays(1).toSeconds());
            }
        };
    }
}
