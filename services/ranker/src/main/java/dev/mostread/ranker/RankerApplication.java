package dev.mostread.ranker;

import dev.mostread.shared.system.ServiceDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ranker on its own: {@code java -jar mostread-ranker.jar --mostread.kafka.bootstrap-servers=...}. */
@SpringBootApplication
public class RankerApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as its jar starts it: operator surfaces on the management port ({@link ServiceDefaults}). */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(RankerApplication.class);
        application.setDefaultProperties(ServiceDefaults.of("mostread-ranker"));
        return application;
    }
}
