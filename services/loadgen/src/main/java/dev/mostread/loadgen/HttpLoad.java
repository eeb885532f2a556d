package dev.mostread.loadgen;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * POSTs generated views to the collector's {@code /api/v1/events} at a fixed rate, in batches, with a bounded
 * number of requests in flight; counts the answers by status.
 */
public final class HttpLoad {

    private final ViewGenerator generator;
    private final Clock clock;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    public HttpLoad(ViewGenerator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
    }

    /**
     * Sends {@code perSecond} views a second for {@code duration}, {@code batch} views per request.
     *
     * @return views sent (whatever the answer)
     */
    public long run(URI events, double perSecond, int batch, Duration duration, int inFlight, Progress progress)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        long startedAt = System.nanoTime();
        long endAt = startedAt + duration.toNanos();
        long sent = 0;
        List<CompletableFuture<?>> pending = new ArrayList<>();
        while (System.nanoTime() < endAt) {
            long dueAt = startedAt + (long) (sent * 1e9 / perSecond);
            long wait = dueAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            List<PageView> views = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                views.add(generator.next(clock.millis()));
            }
            permits.acquire();
            HttpRequest request = HttpRequest.newBuilder(events)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(views)))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        permits.release();
                        if (error != null) {
                            failures.incrementAndGet();
                        } else {
                            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }));
            pending.removeIf(CompletableFuture::isDone);
            sent += batch;
            progress.add(batch);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        return sent;
    }

    /** Requests answered, by HTTP status. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Requests that got no answer at all. */
    public long failures() {
        return failures.get();
    }
}
