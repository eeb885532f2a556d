package dev.mostread.api;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The API on its own: {@code java -jar mostread-api.jar --mostread.kafka.bootstrap-servers=...}. */
@SpringBootApplication
public class ApiApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ApiApplication.class);
        application.setDefaultProperties(Map.of("spring.application.name", "mostread-api"));
        application.run(args);
    }
}
