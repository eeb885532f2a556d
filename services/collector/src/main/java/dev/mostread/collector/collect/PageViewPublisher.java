package dev.mostread.collector.collect;

import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.pageview.PageView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes accepted page views to {@code page-views}, keyed {@code {site}/{articleId}}. All events of a request
 * are handed to the producer at once, so the client batches them; the request then waits for every
 * acknowledgement (acks=all) up to a deadline.
 */
public class PageViewPublisher {

    /** Kafka did not take every event in time; some may still have been written. */
    public static final class NotAcknowledgedException extends Exception {
        NotAcknowledgedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final JsonMapper mapper;

    public PageViewPublisher(Producer<String, byte[]> producer, Topics topics, JsonMapper mapper) {
        this.producer = producer;
        this.topics = topics;
        this.mapper = mapper;
    }

    public void publish(List<PageView> views, long receivedAt, Duration timeout) throws NotAcknowledgedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] receivedAtHeader = Long.toString(receivedAt).getBytes(StandardCharsets.UTF_8);
        CompletableFuture<?>[] acks = new CompletableFuture<?>[views.size()];
        try {
            for (int i = 0; i < views.size(); i++) {
                PageView view = views.get(i);
                RecordHeaders headers = new RecordHeaders();
                headers.add(Topics.HEADER_RECEIVED_AT, receivedAtHeader);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                        topics.pageViews(),
                        null,
                        view.timestamp(),
                        view.articleKey().toString(),
                        mapper.writeValueAsBytes(view),
                        headers);
                CompletableFuture<Void> ack = new CompletableFuture<>();
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(error);
                    }
                });
                acks[i] = ack;
            }
            long remaining = Math.max(0, deadline - System.nanoTime());
            CompletableFuture.allOf(acks).get(remaining, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new NotAcknowledgedException(
                    "Kafka refused an event: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotAcknowledgedException("Kafka did not acknowledge within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledgedException("Interrupted while waiting for Kafka", e);
        } catch (RuntimeException e) {
            // send() itself throws when the producer cannot get metadata within max.block.ms
            throw new NotAcknowledgedException("Kafka is not reachable: " + e.getMessage(), e);
        }
    }
}
