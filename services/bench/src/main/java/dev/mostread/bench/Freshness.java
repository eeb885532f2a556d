package dev.mostread.bench;

import dev.mostread.loadgen.Preloader;
import dev.mostread.loadgen.Progress;
import dev.mostread.loadgen.TrafficModel;
import dev.mostread.loadgen.ViewGenerator;
import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.kafka.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.Producer;
import tools.jackson.databind.JsonNode;

/**
 * Freshness: the time from a POST's 202 to the view being visible in the API, while background views flow
 * into {@code page-views} at a fixed rate. Each probe is one view of article {@code p} on site {@code probe};
 * it is visible when the site's 1h list, pushed by the API's Server-Sent Events stream, counts it.
 */
final class Freshness {

    /**
     * Latencies in milliseconds over {@code probes} probes; a probe not visible within the patience counts as
     * the patience ({@code late} of them). {@code trace} is every probe's latency in the order sent, so a
     * backlog building up or a periodic stall shows as what it is; {@code warmUp} the probes sent before, until
     * one was visible within {@link #CAUGHT_UP} (for at most {@link #CATCH_UP_LIMIT}), which are not measured.
     */
    record Result(
            int probes,
            double p50,
            double p99,
            double max,
            double backgroundPerSecond,
            int late,
            double p50UntilPublished,
            double p50AfterPublished,
            List<Long> trace,
            List<Long> warmUp) {}

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(90);
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    /** A probe visible this soon says the pipeline has worked off the backlog of its cold start. */
    static final Duration CAUGHT_UP = Duration.ofSeconds(2);
    /** How long warm-up probes are sent at most; measuring starts then, caught up or not. */
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);

    /**
     * The site this run's probes are views of: a site of its own for each run, so that its list counts exactly this
     * run's views (on a site shared with an earlier run, the view that starts a run made each probe's target the
     * view before it, and the next run's probes were measured against their predecessors).
     */
    private final String probeSite;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(42);

    /** @param probeSite a site no other run's probes use */
    Freshness(String probeSite) {
        this.probeSite = probeSite;
    }

    Result measure(Standalone app, String bootstrap, Topics topics, TrafficModel background, double rate, int probes)
            throws IOException, InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Progress written = Progress.quiet("background views", 0);
        CompletableFuture<Long> load = CompletableFuture.supplyAsync(() -> {
            try (Producer<String, byte[]> producer = Preloader.producer(bootstrap)) {
                return new Preloader(new ViewGenerator(background), Clock.systemUTC())
                        .run(producer, topics.pageViews(), Long.MAX_VALUE, rate, stop::get, written);
            }
        });
        try {
            Thread.sleep(WARM_UP.toMillis()); // the background runs alone first: JIT, first expiry pass
            post(app);
            if (!awaitSiteKnown(app)) {
                // the pipeline is so far behind that the first probe never showed: every probe is late
                return new Result(
                        probes,
                        PATIENCE.toMillis(),
                        PATIENCE.toMillis(),
                        PATIENCE.toMillis(),
                        written.perSecond(),
                        probes,
                        PATIENCE.toMillis(),
                        0,
                        List.of(),
                        List.of());
            }
            BlockingQueue<long[]> seen = new LinkedBlockingQueue<>();
            CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                    HttpRequest.newBuilder(
                                    app.uri("/api/v1/sites/" + probeSite + "/most-read/stream?period=1h&limit=1"))
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread listener = new Thread(() -> listen(stream, seen), "freshness-sse");
            listener.setDaemon(true);
            listener.start();
            Probes sender = new Probes(app, seen, awaitCount(seen, 1));
            // Until the pipeline has caught up with the background that ran alone (a cold JIT on a slow machine
            // leaves a backlog that takes tens of seconds to work off): reported, not measured.
            List<Long> warmUp = new ArrayList<>();
            long warmUntil = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
            while (System.nanoTime() < warmUntil) {
                Probe probe = sender.next();
                warmUp.add(probe.millis());
                if (probe.visible() && probe.millis() <= CAUGHT_UP.toMillis()) {
                    break;
                }
            }
            Histogram latencies = new Histogram(60_000_000L, 3); // microseconds
            // where the time goes: until the ranker published the list (its asOf), and from there to the API
            Histogram untilPublished = new Histogram(60_000L, 3); // milliseconds
            Histogram afterPublished = new Histogram(60_000L, 3);
            List<Long> trace = new ArrayList<>();
            int late = 0;
            int sent = 0;
            long stopAt = System.nanoTime() + RUN_LIMIT.toNanos();
            while (sent < probes && System.nanoTime() < stopAt) {
                Probe probe = sender.next();
                sent++;
                trace.add(probe.millis());
                latencies.recordValue(probe.micros());
                if (probe.visible()) {
                    untilPublished.recordValue(probe.untilPublished());
                    afterPublished.recordValue(probe.afterPublished());
                } else {
                    late++;
                }
            }
            listener.interrupt();
            stream.cancel(true);
            stop.set(true);
            load.join();
            return new Result(
                    sent,
                    latencies.getValueAtPercentile(50) / 1e3,
                    latencies.getValueAtPercentile(99) / 1e3,
                    latencies.getMaxValue() / 1e3,
                    written.perSecond(),
                    late,
                    untilPublished.getValueAtPercentile(50),
                    afterPublished.getValueAtPercentile(50),
                    List.copyOf(trace),
                    List.copyOf(warmUp));
        } finally {
            stop.set(true);
            load.exceptionally(e -> 0L).join();
        }
    }

    /**
     * One probe: its 202 (nanoTime and epoch ms), and the stream event that first counted it (null: not within
     * the patience; it counts as the patience).
     */
    private record Probe(long acceptedAt, long acceptedAtMillis, long[] event) {

        boolean visible() {
            return event != null;
        }

        long micros() {
            return visible() ? Math.max(0, (event[1] - acceptedAt) / 1_000) : PATIENCE.toNanos() / 1_000;
        }

        long millis() {
            return micros() / 1_000;
        }

        /** From the 202 to the ranker's publication ({@code asOf}), in ms. */
        long untilPublished() {
            return Math.max(0, Math.min(60_000L, event[2] - acceptedAtMillis));
        }

        /** From the publication to the event's arrival, in ms. */
        long afterPublished() {
            return Math.max(0, Math.min(60_000L, event[3] - event[2]));
        }
    }

    /** Sends probes one at a time and waits for each on the stream: {@code counted} is the views seen so far. */
    private final class Probes {
        private final Standalone app;
        private final BlockingQueue<long[]> seen;
        private long counted;

        Probes(Standalone app, BlockingQueue<long[]> seen, long counted) {
            this.app = app;
            this.seen = seen;
            this.counted = counted;
        }

        Probe next() throws IOException, InterruptedException {
            Thread.sleep(100 + random.nextInt(200)); // probes at random phase against the ranker's tick
            long acceptedAt = post(app);
            long acceptedAtMillis = System.currentTimeMillis();
            long target = counted + 1;
            long deadline = acceptedAt + PATIENCE.toNanos();
            long[] event = null;
            while (event == null || event[0] < target) {
                event = seen.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    break;
                }
                counted = Math.max(counted, event[0]);
            }
            if (event == null) {
                counted = target; // it will show up late; count it as seen
            }
            return new Probe(acceptedAt, acceptedAtMillis, event);
        }
    }

    /** POSTs one probe view and returns when its 202 arrived (nanoTime). */
    private long post(Standalone app) throws IOException, InterruptedException {
        String body = "{\"site\":\"" + probeSite + "\",\"articleId\":\"p\",\"title\":\"Probe\",\"timestamp\":"
                + System.currentTimeMillis() + ",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0\"}";
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(app.uri("/api/v1/events"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        long at = System.nanoTime();
        if (response.statusCode() != 202) {
            throw new IllegalStateException("probe refused: " + response.statusCode());
        }
        return at;
    }

    /** True once the probe site has a list in the API; false if it has none after a minute. */
    private boolean awaitSiteKnown(Standalone app) throws IOException, InterruptedException {
        URI list = app.uri("/api/v1/sites/" + probeSite + "/most-read?period=1h");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                != 200) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50); // a harness polling interval, not test synchronisation
        }
        return true;
    }

    private static long awaitCount(BlockingQueue<long[]> seen, long atLeast) throws InterruptedException {
        while (true) {
            long[] event = seen.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (event == null) {
                throw new IllegalStateException("no list event from the API's stream");
            }
            if (event[0] >= atLeast) {
                return event[0];
            }
        }
    }

    /**
     * Each {@code ranking} event: the probe article's view count, when it arrived (nanoTime), when the ranker
     * published it (its {@code asOf}, epoch ms) and when it arrived (epoch ms).
     */
    private static void listen(CompletableFuture<HttpResponse<Stream<String>>> stream, BlockingQueue<long[]> seen) {
        try (Stream<String> lines = stream.join().body()) {
            lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                long at = System.nanoTime();
                long atMillis = System.currentTimeMillis();
                JsonNode ranking = Json.mapper().readTree(line.substring(5).trim());
                long asOf =
                        java.time.Instant.parse(ranking.path("asOf").asString()).toEpochMilli();
                for (JsonNode item : ranking.path("items")) {
                    if ("p".equals(item.path("articleId").asString())) {
                        seen.add(new long[] {item.path("views").asLong(), at, asOf, atMillis});
                    }
                }
            });
        } catch (RuntimeException e) {
            // cancelled at the end of the measurement
        }
    }
}
