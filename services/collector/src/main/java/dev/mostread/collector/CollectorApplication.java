package dev.mostread.collector;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The collector on its own: {@code java -jar mostread-collector.jar --mostread.kafka.bootstrap-servers=...}. */
@SpringBootApplication
public class CollectorApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CollectorApplication.class);
        application.setDefaultProperties(Map.of("spring.application.name", "mostread-collector"));
        application.run(args);
    }
}
