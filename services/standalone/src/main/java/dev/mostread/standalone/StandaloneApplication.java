package dev.mostread.standalone;

import dev.mostread.api.ApiModule;
import dev.mostread.collector.CollectorModule;
import dev.mostread.collector.collect.PageViewPublisher;
import dev.mostread.embedded.EmbeddedKafkaBroker;
import dev.mostread.embedded.EmbeddedKafkaProperties;
import dev.mostread.ranker.RankerModule;
import dev.mostread.shared.system.KafkaSettings;
import dev.mostread.shared.system.MostreadProperties;
import dev.mostread.standalone.demo.DemoTraffic;
import dev.mostread.standalone.embedded.EmbeddedKafkaEnvironment;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * All of mostread in one process: an embedded Kafka broker (unless an external cluster is configured),
 * the collector, the ranker and the API, on one HTTP port. The one place that wires the services together.
 */
@SpringBootApplication
@Import({CollectorModule.class, RankerModule.class, ApiModule.class})
@EnableConfigurationProperties({EmbeddedKafkaProperties.class, dev.mostread.standalone.demo.DemoProperties.class})
public class StandaloneApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(StandaloneApplication.class);
        // One port for everything, operator surfaces included: on this machine only unless told otherwise
        // (--server.address=0.0.0.0, or split off the operator surfaces with --management.server.port=8081).
        application.setDefaultProperties(Map.of("spring.application.name", "mostread", "server.address", "127.0.0.1"));
        return application;
    }

    /** Started as soon as it is created; everything that talks to Kafka is created after it (see below). */
    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnProperty(EmbeddedKafkaEnvironment.ENABLED)
    EmbeddedKafkaBroker embeddedKafkaBroker(EmbeddedKafkaProperties properties, MostreadProperties common) {
        return new EmbeddedKafkaBroker(properties, common.dataDir());
    }

    @Bean
    @ConditionalOnProperty("mostread.demo")
    DemoTraffic demoTraffic(PageViewPublisher pageViewPublisher, Clock clock) {
        return new DemoTraffic(pageViewPublisher, clock);
    }

    /** Kafka settings, and so every client, wait for the embedded broker; it is destroyed after them. */
    @Bean
    @ConditionalOnProperty(EmbeddedKafkaEnvironment.ENABLED)
    static BeanFactoryPostProcessor kafkaClientsNeedTheBroker() {
        return new KafkaClientsDependOnBroker();
    }

    static final class KafkaClientsDependOnBroker extends AbstractDependsOnBeanFactoryPostProcessor {
        KafkaClientsDependOnBroker() {
            super(KafkaSettings.class, "embeddedKafkaBroker");
        }
    }
}
