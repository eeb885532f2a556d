package dev.mostread.ranker;

import dev.mostread.ranker.system.MetadataProperties;
import dev.mostread.ranker.system.RankerHealthIndicator;
import dev.mostread.ranker.system.RankerProperties;
import dev.mostread.ranker.system.RankerStreams;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.system.KafkaSettings;
import dev.mostread.shared.system.ListsProperties;
import dev.mostread.shared.system.MostreadProperties;
import dev.mostread.shared.system.SitesProperties;
import dev.mostread.shared.system.TopicInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** Everything the ranker adds to an application context, whether it runs alone or inside the standalone app. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@EnableConfigurationProperties({RankerProperties.class, MetadataProperties.class})
public class RankerModule {

    @Bean
    RankerStreams rankerStreams(
            KafkaSettings kafka,
            RankerProperties properties,
            ListsProperties lists,
            MetadataProperties metadata,
            SitesProperties sites,
            MostreadProperties common,
            Topics topics,
            TopicInitializer topicInitializer,
            MeterRegistry registry,
            java.time.Clock clock) {
        return new RankerStreams(
                kafka,
                properties,
                lists,
                metadata,
                sites,
                common.dedupeWindow(),
                topics,
                topicInitializer,
                registry,
                common.dataDir().resolve("ranker"),
                clock);
    }

    /** Readiness: the {@code rankerStreams} health contributor. */
    @Bean
    RankerHealthIndicator rankerStreamsHealthIndicator(RankerStreams rankerStreams) {
        return new RankerHealthIndicator(rankerStreams);
    }
}
