package dev.mostread.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** mostread's standalone jar as its own process, using the benchmark's broker (so it starts none). */
final class Standalone implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param java the java command of the app's JVM
     * @param jvmOptions options for the app's JVM (a flight recording), before {@code -jar}
     */
    Standalone(
            String java,
            Path jar,
            String bootstrapServers,
            String topicPrefix,
            Path dataDir,
            Path log,
            List<String> jvmOptions,
            List<String> settings)
            throws IOException, InterruptedException {
        port = BenchCluster.freePort();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx2g"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--mostread.kafka.bootstrap-servers=" + bootstrapServers,
                "--mostread.topic-prefix=" + topicPrefix,
                "--mostread.data-dir=" + dataDir,
                "--mostread.ranker.application-id=bench-standalone-" + UUID.randomUUID(),
                "--logging.level.root=WARN",
                // the benchmark measures the pipeline, not the machine's free disk: CI's machines may have less
                // than the collector's default reserve (1 GB or 5%), which would answer every probe 503 disk_low
                "--mostread.collector.min-free-disk=0B",
                "--mostread.collector.min-free-disk-ratio=0"));
        command.addAll(settings);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the standalone app did not become ready; see " + log);
            }
            Thread.sleep(250); // a harness polling interval, not test synchronisation
        }
    }

    private boolean ready() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
