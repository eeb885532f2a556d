package dev.mostread.api;

import dev.mostread.shared.system.ServiceDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The API on its own: {@code java -jar mostread-api.jar --mostread.kafka.bootstrap-servers=...}. */
@SpringBootApplication
public class ApiApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as its jar starts it: operator surfaces on the management port ({@link ServiceDefaults}). */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(ApiApplication.class);
        application.setDefaultProperties(ServiceDefaults.of("mostread-api"));
        return application;
    }
}
