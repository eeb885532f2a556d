package dev.mostread.api.serve;

import dev.mostread.shared.ranking.ListKey;
import dev.mostread.shared.web.ClientAddress;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Event streams, by list. A subscriber costs an {@link SseEmitter} (an asynchronous
 * servlet request), not a thread: a new version of a list is written to its subscribers by a small pool, and
 * a comment every {@code heartbeat} keeps idle connections (and the proxies between) open.
 */
public class ListStreams implements DisposableBean {

    /** One open stream: the list it follows, how many items it wants, and whose it is. */
    private record Subscriber(SseEmitter emitter, int limit, String client) {}

    /** Streams one client (an IPv4 address or an IPv6 /64) and all clients together may hold open (§7). */
    public record Caps(int perClient, int total) {}

    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "list-streams");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "list-stream-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration timeout;
    private final Caps caps;
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public ListStreams(RankingCache cache, Duration heartbeat, Duration timeout, Caps caps) {
        this.timeout = timeout;
        this.caps = caps;
        cache.onChange(list -> senders.execute(() -> publish(list)));
        heartbeats.scheduleAtFixedRate(
                this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of {@code key} for {@code client}, starting with {@code first}; empty when the client, or
     * everyone together, already holds as many streams as the caps allow.
     */
    Optional<SseEmitter> open(ListKey key, int limit, ServedList.Body first, String client) {
        String bucket = ClientAddress.bucket(client);
        if (total.incrementAndGet() > caps.total()) {
            total.decrementAndGet();
            return Optional.empty();
        }
        AtomicInteger mine = perClient.computeIfAbsent(bucket, k -> new AtomicInteger());
        if (mine.incrementAndGet() > caps.perClient()) {
            release(bucket, mine);
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, limit, bucket);
        String list = key.toString();
        subscribers.compute(list, (k, set) -> {
            Set<Subscriber> open = set == null ? ConcurrentHashMap.newKeySet() : set;
            open.add(subscriber);
            return open;
        });
        AtomicBoolean closed = new AtomicBoolean();
        Runnable remove = () -> {
            if (closed.compareAndSet(false, true)) {
                // an emptied set is dropped, so lists nobody follows any more cost nothing
                subscribers.computeIfPresent(list, (k, set) -> set.remove(subscriber) && set.isEmpty() ? null : set);
                release(bucket, mine);
            }
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        send(subscriber, first);
        return Optional.of(emitter);
    }

    private void release(String bucket, AtomicInteger mine) {
        total.decrementAndGet();
        if (mine.decrementAndGet() <= 0) {
            perClient.remove(bucket, mine);
        }
    }

    private void publish(ServedList list) {
        Set<Subscriber> set = subscribers.get(list.key().toString());
        if (set == null) {
            return;
        }
        for (Subscriber subscriber : set) {
            send(subscriber, list.body(subscriber.limit()));
        }
    }

    private void send(Subscriber subscriber, ServedList.Body body) {
        try {
            synchronized (subscriber) {
                subscriber
                        .emitter()
                        .send(SseEmitter.event()
                                .name("ranking")
                                .id(body.etag())
                                .data(
                                        new String(body.json(), java.nio.charset.StandardCharsets.UTF_8),
                                        MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException e) {
            subscriber.emitter().completeWithError(e);
        }
    }

    private void heartbeat() {
        subscribers
                .values()
                .forEach(set -> set.forEach(subscriber -> {
                    try {
                        synchronized (subscriber) {
                            subscriber.emitter().send(SseEmitter.event().comment("keep-alive"));
                        }
                    } catch (IOException | IllegalStateException e) {
                        subscriber.emitter().completeWithError(e);
                    }
                }));
    }

    public int open() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    /** Lists that have at least one subscriber. */
    public int followedLists() {
        return subscribers.size();
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        senders.shutdownNow();
        subscribers
                .values()
                .forEach(set -> set.forEach(subscriber -> subscriber.emitter().complete()));
    }
}
