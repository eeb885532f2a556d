package dev.mostread.api;

import dev.mostread.api.catalog.CatalogWriteGuard;
import dev.mostread.api.serve.ListStreams;
import dev.mostread.api.serve.MostReadFastPath;
import dev.mostread.api.serve.RankingCache;
import dev.mostread.api.serve.RankingsHealthIndicator;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.ranking.Period;
import dev.mostread.shared.system.KafkaSettings;
import dev.mostread.shared.system.LimitsHit;
import dev.mostread.shared.system.ListsProperties;
import dev.mostread.shared.system.MostreadProperties;
import dev.mostread.shared.system.TopicInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.Ordered;

/** Everything the API adds to an application context, whether it runs alone or inside the standalone app. */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(ApiProperties.class)
@ComponentScan(
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class ApiModule {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiModule.class);

    /** The OpenAPI document's title and the bearer scheme catalog writes use. */
    @Bean
    OpenAPI mostreadOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("mostread")
                                .version("v1")
                                .description(
                                        "Real-time most-read lists for news sites. Errors are application/problem+json (RFC 9457)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")));
    }

    /** Plain reads of published lists, answered before MVC's dispatch; right inside the observation filter. */
    @Bean
    FilterRegistrationBean<MostReadFastPath> mostReadFastPath(RankingCache rankingCache) {
        FilterRegistrationBean<MostReadFastPath> registration =
                new FilterRegistrationBean<>(new MostReadFastPath(rankingCache));
        registration.addUrlPatterns("/api/v1/sites/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** The admin token is checked, and oversized bodies refused, before any catalog write's body is read. */
    @Bean
    FilterRegistrationBean<CatalogWriteGuard> catalogWriteGuard(MostreadProperties common) {
        String adminToken = common.adminToken();
        CatalogWriteGuard guard = new CatalogWriteGuard(adminToken);
        if (!guard.enabled()) {
            log.warn(
                    "mostread.admin-token is not set: catalog writes (PUT/DELETE /api/v1/sites/{site}/articles/{id}) are disabled");
        }
        FilterRegistrationBean<CatalogWriteGuard> registration = new FilterRegistrationBean<>(guard);
        registration.addUrlPatterns("/api/v1/sites/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Readiness: the {@code rankings} health contributor. */
    @Bean
    RankingsHealthIndicator rankingsHealthIndicator(RankingCache rankingCache) {
        return new RankingsHealthIndicator(rankingCache);
    }

    @Bean
    ListStreams listStreams(RankingCache rankingCache, ApiProperties properties) {
        return new ListStreams(
                rankingCache,
                properties.streamHeartbeat(),
                properties.streamTimeout(),
                new ListStreams.Caps(properties.maxStreamsPerClient(), properties.maxStreams()));
    }

    @Bean
    dev.mostread.api.serve.PublishedWindows publishedWindows(ListsProperties lists) {
        return dev.mostread.api.serve.PublishedWindows.of(lists.publishedWithin());
    }

    @Bean
    LimitsHit limitsHit(MeterRegistry registry) {
        return new LimitsHit(registry);
    }

    /** Writes catalog entries: acks from every in-sync replica, idempotent. */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> articleProducer(KafkaSettings kafka, MeterRegistry registry) {
        Map<String, Object> config = kafka.reliableProducer("mostread-api-catalog", Duration.ofSeconds(5));
        KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        new KafkaClientMetrics(producer).bindTo(registry);
        return producer;
    }

    /** Every service instance's counters and health (operator-stats), for the dashboard's whole-system numbers. */
    @Bean
    dev.mostread.operator.SystemStats systemStats(
            KafkaSettings kafka, Topics topics, TopicInitializer topicInitializer) {
        return new dev.mostread.operator.SystemStats(
                () -> {
                    topicInitializer.ensure(List.of(topicInitializer.operatorStats()), Duration.ofSeconds(60));
                    Map<String, Object> config = new HashMap<>(kafka.client());
                    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
                    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "mostread-api-stats-" + UUID.randomUUID());
                    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1 << 20);
                    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
                },
                topics.operatorStats());
    }

    /** The rankers' exact view totals, from their changelogs: what the dashboard shows as counted and filtered. */
    @Bean
    dev.mostread.operator.ViewTotalsReader viewTotals(KafkaSettings kafka, ListsProperties lists) {
        return new dev.mostread.operator.ViewTotalsReader(
                () -> {
                    Map<String, Object> config = new HashMap<>(kafka.client());
                    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
                    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "mostread-api-totals-" + UUID.randomUUID());
                    // written in the rankers' exactly-once transactions; and never create a ranker's internal topic
                    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
                    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1 << 20);
                    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
                },
                lists.applicationId());
    }

    @Bean
    RankingCache rankingCache(
            KafkaSettings kafka,
            Topics topics,
            TopicInitializer topicInitializer,
            MeterRegistry registry,
            Clock clock) {
        RankingCache cache = new RankingCache(
                () -> {
                    topicInitializer.ensure(
                            List.of(topicInitializer.rankings(), topicInitializer.articles()), Duration.ofSeconds(60));
                    Map<String, Object> config = new HashMap<>(kafka.client());
                    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
                    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "mostread-api-" + UUID.randomUUID());
                    // Lists are written in exactly-once transactions: never serve one from an aborted transaction.
                    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                    // A new list is served at most this long after it is committed.
                    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
                    KafkaConsumer<String, byte[]> consumer =
                            new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
                    new KafkaClientMetrics(consumer).bindTo(registry);
                    return consumer;
                },
                topics.rankings());
        for (Period period : Period.values()) {
            TimeGauge.builder(
                            "mostread.ranking.age",
                            cache,
                            TimeUnit.MILLISECONDS,
                            c -> c.ageMillis(period, clock.instant()))
                    .description("Age of the freshest list of each period this instance serves")
                    .tag("period", period.code())
                    .register(registry);
        }
        return cache;
    }
}
