package dev.mostread.shared.system;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.web.ClientAddress;

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

    /** Whose {@code X-Forwarded-For} is believed: {@code mostread.trusted-proxies}, CIDR blocks, default none. */
    @Bean
    @ConditionalOnMissingBean
    ClientAddress clientAddress(@Value("${mostread.trusted-proxies:}") java.util.List<String> trustedProxies) {
        return new ClientAddress(trustedProxies);
    }

    @Bean
    @ConditionalOnMissingBean
    TopicInitializer topicInitializer(KafkaSettings settings, Topics topics) {
        return new TopicInitializer(settings, topics);
    }
}
