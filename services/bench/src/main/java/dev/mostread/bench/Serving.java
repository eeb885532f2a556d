package dev.mostread.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serving: {@code wrk} against {@code GET most-read} and against nginx serving the same bytes as a static file,
 * on the same machine, with keep-alive connections.
 */
final class Serving {

    /** One wrk run: requests per second and the 99th percentile latency in milliseconds. */
    record WrkResult(double requestsPerSecond, double p99Millis, long non2xx) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private Serving() {}

    /** A tool from the PATH, or from /usr/sbin where Debian puts nginx. */
    static String executable(String name) {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " is not installed (bench/run.sh installs it from Debian)");
    }

    static WrkResult wrk(URI url, int connections, Duration duration) throws IOException, InterruptedException {
        int threads = Math.min(2, connections);
        Process process = new ProcessBuilder(
                        executable("wrk"),
                        "-t" + threads,
                        "-c" + connections,
                        "-d" + duration.toSeconds() + "s",
                        "--latency",
                        url.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Matcher rate = RATE.matcher(out);
        Matcher p99 = P99.matcher(out);
        if (!rate.find() || !p99.find()) {
            throw new IllegalStateException("cannot read wrk's output: " + out);
        }
        double value = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
        Matcher errors = NON_2XX.matcher(out);
        return new WrkResult(
                Double.parseDouble(rate.group(1)), millis, errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    /** nginx serving {@code body} as {@code /most-read.json}, with as many workers as cores, no access log. */
    static final class Nginx implements AutoCloseable {

        private final Process process;
        final URI url;

        Nginx(Path dir, byte[] body) throws IOException, InterruptedException {
            int port = BenchCluster.freePort();
            Path www = Files.createDirectories(dir.resolve("www"));
            Files.write(www.resolve("most-read.json"), body);
            for (Path path : List.of(dir, www, www.resolve("most-read.json"))) {
                Files.setPosixFilePermissions(
                        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, """
                    worker_processes auto;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 4096; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      keepalive_requests 1000000;
                      server {
                        listen 127.0.0.1:%2$d;
                        root %1$s/www;
                        location / { default_type application/json; }
                      }
                    }
                    """.formatted(dir.toAbsolutePath(), port));
            process = new ProcessBuilder(
                            executable("nginx"),
                            "-p",
                            dir.toAbsolutePath().toString(),
                            "-c",
                            conf.toAbsolutePath().toString(),
                            "-e",
                            dir.resolve("error.log").toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile())
                    .start();
            url = URI.create("http://127.0.0.1:" + port + "/most-read.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!answers(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
                }
                Thread.sleep(50); // a harness polling interval, not test synchronisation
            }
        }

        private static boolean answers(int port) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A local redis-server with no persistence. */
    static final class Redis implements AutoCloseable {

        private final Process process;
        final int port;

        Redis(Path dir) throws IOException, InterruptedException {
            port = BenchCluster.freePort();
            process = new ProcessBuilder(
                            executable("redis-server"),
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.out").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Nginx.answers(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not start");
                }
                Thread.sleep(50); // a harness polling interval, not test synchronisation
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
