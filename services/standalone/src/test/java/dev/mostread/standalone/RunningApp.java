package dev.mostread.standalone;

import static org.awaitility.Awaitility.await;

import dev.mostread.shared.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone app on any free ports over {@code dataDir}, with {@code args} added, started and ready (readiness
 * 200) before a test sends anything: the fixture the attack and newsroom tests share.
 */
record RunningApp(ConfigurableApplicationContext context, Http http, int port, String broker) implements AutoCloseable {

    static RunningApp start(Path dataDir, String... args) {
        List<String> all = new ArrayList<>(
                List.of("--server.port=0", "--mostread.data-dir=" + dataDir, "--mostread.kafka.embedded.port=0"));
        all.addAll(List.of(args));
        ConfigurableApplicationContext context =
                StandaloneApplication.application().run(all.toArray(String[]::new));
        int port = PipelineScenario.httpPort(context);
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 200);
        return new RunningApp(
                context, http, port, context.getEnvironment().getProperty("mostread.kafka.bootstrap-servers"));
    }

    /** POSTs events; a 503 means "not recorded, send again" (a topic still being created just after start). */
    int post(String body, String... headers) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> http.postJson("/api/v1/events", body, headers).statusCode(), status -> status != 503);
    }

    @Override
    public void close() {
        context.close();
    }
}
