package dev.mostread.collector;

import dev.mostread.shared.system.ServiceDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The collector on its own: {@code java -jar mostread-collector.jar --mostread.kafka.bootstrap-servers=...}. */
@SpringBootApplication
public class CollectorApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as its jar starts it: operator surfaces on the management port ({@link ServiceDefaults}). */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(CollectorApplication.class);
        application.setDefaultProperties(ServiceDefaults.of("mostread-collector"));
        return application;
    }
}
