package dev.mostread.shared.system;

import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.web.ClientAddress;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every service needs once, however many services share a process: the Kafka settings, the topic
 * names, a clock and the topic initializer.
 */
@AutoConfiguration
@EnableConfigurationProperties({
    KafkaSettings.class,
    SitesProperties.class,
    MostreadProperties.class,
    ListsProperties.class
})
public class CommonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    Topics topics(MostreadProperties properties) {
        return new Topics(properties.topicPrefix());
    }

    /** Whose {@code X-Forwarded-For} is believed: {@code mostread.trusted-proxies}, CIDR blocks, default none. */
    @Bean
    @ConditionalOnMissingBean
    ClientAddress clientAddress(MostreadProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    /** This instance's counters and health, to {@code operator-stats}, for every API's dashboard. */
    @Bean
    @ConditionalOnMissingBean
    dev.mostread.shared.operator.StatsReporter statsReporter(
            KafkaSettings kafka,
            Topics topics,
            TopicInitializer topicInitializer,
            io.micrometer.core.instrument.MeterRegistry registry,
            org.springframework.core.env.Environment environment,
            MostreadProperties properties,
            org.springframework.beans.factory.ObjectProvider<
                            org.springframework.boot.health.actuate.endpoint.HealthEndpoint>
                    health,
            Clock clock) {
        return new dev.mostread.shared.operator.StatsReporter(
                kafka,
                topics,
                topicInitializer,
                registry,
                environment,
                () -> {
                    var endpoint = health.getIfAvailable();
                    var readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
                    return readiness == null ? "UNKNOWN" : readiness.getStatus().getCode();
                },
                properties.operator().reportInterval(),
                clock);
    }

    /** A request id on every request and every line logged for it ({@link RequestIds}), before anything else. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
            type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingBean(name = "requestIds")
    org.springframework.boot.web.servlet.FilterRegistrationBean<dev.mostread.shared.web.RequestIds> requestIds() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new dev.mostread.shared.web.RequestIds());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    TopicInitializer topicInitializer(KafkaSettings settings, Topics topics) {
        return new TopicInitializer(settings, topics);
    }
}
