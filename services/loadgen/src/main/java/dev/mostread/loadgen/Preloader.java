package dev.mostread.loadgen;

import dev.mostread.shared.kafka.Json;
import dev.mostread.shared.pageview.PageView;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes generated views straight to a topic, keyed {@code {site}/{articleId}} like the collector writes them,
 * either as fast as the producer goes or at a fixed rate.
 */
public final class Preloader {

    private final ViewGenerator generator;
    private final Clock clock;
    private final JsonMapper mapper = Json.mapper();
    private long bytesWritten;

    public Preloader(ViewGenerator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
    }

    /**
     * A producer tuned for bulk loading: acks=all, lz4, 64 KB batches, one request in flight per broker so that
     * retries keep the order. Not idempotent: a second idempotent producer writing to topics created moments
     * before was seen here to resend sequence 0 and fail for good with OutOfOrderSequenceException (Kafka
     * 4.1.2 clients and broker). A retry after a lost acknowledgement may duplicate a view; load does not mind.
     */
    public static Producer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        false,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        65_536,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4",
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "mostread-loadgen"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Writes {@code views} views as fast as the producer takes them, then waits for every acknowledgement. */
    public long preload(Producer<String, byte[]> producer, String topic, long views, Progress progress) {
        return run(producer, topic, views, 0, () -> false, progress);
    }

    /**
     * Writes views at {@code perSecond} until {@code views} are written or {@code stop} says so.
     *
     * @return views written and acknowledged
     */
    public long run(
            Producer<String, byte[]> producer,
            String topic,
            long views,
            double perSecond,
            BooleanSupplier stop,
            Progress progress) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long startedAt = System.nanoTime();
        long written = 0;
        while (written < views && !stop.getAsBoolean()) {
            if (perSecond > 0) {
                long dueAt = startedAt + (long) (written * 1e9 / perSecond);
                long wait = dueAt - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            PageView view = generator.next(clock.millis());
            byte[] value = mapper.writeValueAsBytes(view);
            bytesWritten += value.length;
            producer.send(
                    new ProducerRecord<>(
                            topic, null, view.timestamp(), view.articleKey().toString(), value),
                    (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
            written++;
            if ((written & 1023) == 0) {
                progress.add(1024);
                throwIfFailed(failure);
            }
        }
        producer.flush();
        progress.add(written & 1023);
        throwIfFailed(failure);
        return written;
    }

    /** Mean size of the values written so far, in bytes. */
    public double meanValueBytes(long written) {
        return written == 0 ? 0 : (double) bytesWritten / written;
    }

    private static void throwIfFailed(AtomicReference<Exception> failure) {
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "Kafka refused a view: " + failure.get().getMessage(), failure.get());
        }
    }
}
