package dev.mostread.ranker;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ranker on its own: {@code java -jar mostread-ranker.jar --mostread.kafka.bootstrap-servers=...}. */
@SpringBootApplication
public class RankerApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RankerApplication.class);
        application.setDefaultProperties(Map.of("spring.application.name", "mostread-ranker"));
        application.run(args);
    }
}
