package dev.mostread.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mostread.shared.testing.Http;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Any Kafka client can feed the embedded broker: views written by kcat (librdkafka, with its own
 * partitioner) are counted exactly like POSTed ones. Needs Debian's kcat, which .ci/run installs.
 */
class KcatIntegrationTest {

    private static final Path KCAT = Path.of("/usr/bin/kcat");

    @Test
    void viewsProducedWithKcatAreCountedLikePostedOnes(@TempDir Path dataDir) throws Exception {
        assumeTrue(Files.isExecutable(KCAT), "kcat is not installed");
        ConfigurableApplicationContext app = StandaloneApplication.application()
                .run("--server.port=0", "--mostread.data-dir=" + dataDir, "--mostread.kafka.embedded.port=0");
        try {
            String broker = app.getEnvironment().getProperty("mostread.kafka.bootstrap-servers");
            Http http = new Http(PipelineScenario.httpPort(app));
            assertThat(http.postJson("/api/v1/events", PipelineScenario.event("posted", null))
                            .statusCode())
                    .isEqualTo(202);

            kcat(
                    broker,
                    List.of(
                            "news21/kcat|" + PipelineScenario.event("kcat", null),
                            "news21/kcat|" + PipelineScenario.event("kcat", null),
                            "news21/posted|" + PipelineScenario.event("posted", null),
                            "news21/posted|" + PipelineScenario.event("posted", null)));

            PipelineScenario.awaitList(http, "", List.of("posted=3", "kcat=2"));
        } finally {
            app.close();
        }
    }

    private static void kcat(String broker, List<String> lines) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(KCAT.toString(), "-b", broker, "-P", "-t", "page-views", "-K", "|")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }
}
