package dev.mostread.shared.system;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.mostread.shared.kafka.Topics;

/**
 * What every service needs once, however many services share a process: the Kafka settings, the topic
 * names, a clock and the topic initializer.
 */
@AutoConfiguration
@EnableConfigurationProperties({KafkaSettings.class, SitesProperties.class})
public class CommonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    Topics topics(@Value("${mostread.topic-prefix:}") String prefix) {
        return new Topics(prefix);
    }

    @Bean
    @ConditionalOnMissingBean
    TopicInitializer topicInitializer(KafkaSettings settings, Topics topics) {
        return new TopicInitializer(settings, topics);
    }
}
