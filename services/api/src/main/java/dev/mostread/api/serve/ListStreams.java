package dev.mostread.api.serve;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.mostread.shared.ranking.ListKey;

/**
 * The open Server-Sent Event streams, by list. A subscriber costs an {@link SseEmitter} (an asynchronous
 * servlet request), not a thread: a new version of a list is written to its subscribers by a small pool, and
 * a comment every {@code heartbeat} keeps idle connections (and the proxies between) open.
 */
public class ListStreams implements DisposableBean {

    /** One open stream: the list it follows and how many items it wants. */
    private record Subscriber(SseEmitter emitter, int limit) {
    }

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

    public ListStreams(RankingCache cache, Duration heartbeat, Duration timeout) {
        this.timeout = timeout;
        cache.onChange(list -> senders.execute(() -> publish(list)));
        heartbeats.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream of {@code key}, starting with {@code first}. */
    SseEmitter open(ListKey key, int limit, ServedList.Body first) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber subscriber = new Subscriber(emitter, limit);
        Set<Subscriber> set = subscribers.computeIfAbsent(key.toString(), k -> ConcurrentHashMap.newKeySet());
        set.add(subscriber);
        Runnable remove = () -> set.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        send(subscriber, first);
        return emitter;
    }

    private void publish(ServedList list) {
        Set<Subscriber> set = subscribers.get(list.ranking().key().toString());
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
                subscriber.emitter().send(SseEmitter.event().name("ranking").id(body.etag())
                        .data(new String(body.json(), java.nio.charset.StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException e) {
            subscriber.emitter().completeWithError(e);
        }
    }

    private void heartbeat() {
        subscribers.values().forEach(set -> set.forEach(subscriber -> {
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

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        senders.shutdownNow();
        subscribers.values().forEach(set -> set.forEach(subscriber -> subscriber.emitter().complete()));
    }
}
