package dev.mostread.ranker.system;

import dev.mostread.ranker.stream.DeadLetters;
import dev.mostread.ranker.stream.RankerMetrics;
import dev.mostread.shared.kafka.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the source record behind a failure in processing or production to {@code page-views-dlq}, with the
 * reason and the source's topic-partition-offset, so that the stream can go on without it. Its producer is
 * not part of the stream's transactions: a dead letter may, rarely, be written twice, never lost silently.
 */
public final class DeadLetterWriter implements AutoCloseable {

    /** The Kafka Streams config key under which the handlers find this writer. */
    public static final String CONFIG = "mostread.dead-letter-writer";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final Map<String, Object> producerConfig;
    private final String topic;
    private final RankerMetrics metrics;
    private Producer<byte[], byte[]> producer;

    public DeadLetterWriter(
            Map<String, ?> clientConfig, String bootstrapServers, Topics topics, RankerMetrics metrics) {
        this.producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "mostread-ranker-dead-letters");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        this.topic = topics.pageViewsDlq();
        this.metrics = metrics;
    }

    /** Sends the failed record's source to the dead-letter topic and counts it under {@code stage}. */
    public void write(ErrorHandlerContext context, Exception error, String stage) {
        metrics.deadLettered(stage);
        String reason = stage + ": " + error;
        log.warn(
                "Dead-lettering the record behind a {} failure at {}-{}-{} (node {}): {}",
                stage,
                context.topic(),
                context.partition(),
                context.offset(),
                context.processorNodeId(),
                error.toString());
        byte[] value = context.sourceRawValue();
        if (context.topic() == null || value == null && context.sourceRawKey() == null) {
            return; // a punctuation failed: there is no record to keep
        }
        RecordHeaders headers = new RecordHeaders();
        DeadLetters.mark(headers, reason, context.topic(), context.partition(), context.offset());
        try {
            producer()
                    .send(
                            new ProducerRecord<>(topic, null, null, context.sourceRawKey(), value, headers),
                            (metadata, sendError) -> {
                                if (sendError != null) {
                                    log.error(
                                            "Could not dead-letter {}-{}-{}: {}",
                                            context.topic(),
                                            context.partition(),
                                            context.offset(),
                                            sendError.toString());
                                }
                            });
        } catch (RuntimeException e) {
            log.error(
                    "Could not dead-letter {}-{}-{}: {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    e.toString());
        }
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
