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
import java.util.function.LongFunction;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Event streams, by list. A subscriber costs an {@link SseEmitter} (an asynchronous
 * servlet request), not a thread: a new version of a list is written to its subscribers by a small pool, and
 * a comment every {@code heartbeat} keeps idle connections (and the proxies between) open.
 */
public class ListStreams implements DisposableBean {

    /**
     * One open stream: how many items it wants, and the newest version of its list it was sent. Two sender threads
     * can each hold a version of one list (the API reads a batch of records at a time): whichever comes second, an
     * older version is never sent after a newer one, so a stream never ends on a list older than one it showed.
     */
    static final class Subscriber {
        private final SseEmitter emitter;
        private final int limit;
        private boolean started;
        private long sent = -1;

        Subscriber(SseEmitter emitter, int limit) {
            this.emitter = emitter;
            this.limit = limit;
        }

        /**
         * Sends {@code first}, what the request read, and then {@code current}, the list's newest version, unless
         * that is what {@code first} shows. Versions offered before this are not sent: none is newer than
         * {@code current}, which the cache holds before its sender threads see it.
         */
        synchronized void start(ServedList.Body first, Optional<ServedList> current) {
            send(first);
            started = true;
            current.ifPresent(list -> {
                if (list.body(limit).etag().equals(first.etag())) {
                    sent = Math.max(sent, list.version());
                } else {
                    offer(list);
                }
            });
        }

        /** Sends {@code list} unless this stream was already sent it or a newer version (or has not started). */
        synchronized void offer(ServedList list) {
            if (started && list.version() > sent) {
                sent = list.version();
                send(list.body(limit));
            }
        }

        private void send(ServedList.Body body) {
            try {
                emitter.send(SseEmitter.event()
                        .name("ranking")
                        .id(body.etag())
                        .data(
                                new String(body.json(), java.nio.charset.StandardCharsets.UTF_8),
                                MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }

        synchronized void heartbeat() {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }
    }

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
    private final RankingCache cache;
    private final LongFunction<SseEmitter> emitters;
    private final Duration timeout;
    private final Caps caps;
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public ListStreams(RankingCache cache, Duration heartbeat, Duration timeout, Caps caps) {
        this(cache, heartbeat, timeout, caps, SseEmitter::new);
    }

    /** @param emitters makes a stream's emitter from its timeout in milliseconds */
    ListStreams(
            RankingCache cache, Duration heartbeat, Duration timeout, Caps caps, LongFunction<SseEmitter> emitters) {
        this.emitters = emitters;
        this.cache = cache;
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
        SseEmitter emitter = emitters.apply(timeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, limit);
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
        // joined first, then started from the cache: a version that arrives in between is sent once, in order
        subscriber.start(first, cache.list(key));
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
            subscriber.offer(list);
        }
    }

    private void heartbeat() {
        subscribers.values().forEach(set -> set.forEach(Subscriber::heartbeat));
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
        subscribers.values().forEach(set -> set.forEach(subscriber -> subscriber.emitter.complete()));
    }
}
