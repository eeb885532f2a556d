package dev.mostread.ranker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mostread.ranker.stream.RankerMetrics;
import dev.mostread.shared.kafka.Topics;
import dev.mostread.shared.testing.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * What Kafka Streams does with a record that fails after it was read, through the handlers the ranker configures,
 * against a real broker: its source goes to {@code page-views-dlq} with the reason and the source's position,
 * it is counted, and the stream is told to continue.
 */
@EmbeddedKafka(topics = Topics.PAGE_VIEWS_DLQ, partitions = 1)
class DeadLetterExceptionHandlersIntegrationTest {

    private static final byte[] KEY = "news21/a".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "{\"site\":\"news21\",\"articleId\":\"a\"}".getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final String brokers = EmbeddedKafkaCondition.getBroker().getBrokersAsString();
    private final DeadLetterWriter writer =
            new DeadLetterWriter(Map.of(), brokers, new Topics(""), new RankerMetrics(registry));

    @AfterEach
    void close() {
        writer.close();
    }

    private static ErrorHandlerContext failedAt(long offset) {
        return new DefaultErrorHandlerContext(
                null, "page-views", 3, offset, new RecordHeaders(), "count-articles", new TaskId(0, 3), 0L, KEY, VALUE);
    }

    private double deadLettered(String stage) {
        var counter = registry.find("mostread.dead.letters").tag("stage", stage).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters() {
        return new TopicProbe(brokers).readAll(Topics.PAGE_VIEWS_DLQ);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aRecordThatFailsInAProcessorIsDeadLetteredWithItsReasonAndTheStreamContinues() {
        DeadLetterExceptionHandlers.Processing handler = new DeadLetterExceptionHandlers.Processing();
        handler.configure(Map.of(DeadLetterWriter.CONFIG, writer));
        int before = deadLetters().size();

        ProcessingHandlerResponse response = handler.handle(failedAt(41), null, new IllegalStateException("boom"));

        assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
        await().atMost(Duration.ofSeconds(15)).until(() -> deadLetters().size() == before + 1);
        ConsumerRecord<String, byte[]> dead = deadLetters().get(before);
        assertThat(dead.key()).isEqualTo("news21/a");
        assertThat(dead.value()).isEqualTo(VALUE);
        assertThat(header(dead, Topics.HEADER_ERROR)).contains("processing").contains("boom");
        assertThat(header(dead, Topics.HEADER_SOURCE)).isEqualTo("page-views-3-41");
        assertThat(deadLettered("processing")).isEqualTo(1);
    }

    @Test
    void anOutputTheBrokerRefusesIsDeadLetteredButARetriableErrorIsRetried() {
        DeadLetterExceptionHandlers.Production handler = new DeadLetterExceptionHandlers.Production();
        handler.configure(Map.of(DeadLetterWriter.CONFIG, writer));
        ProducerRecord<byte[], byte[]> output = new ProducerRecord<>("rankings", new byte[0], new byte[0]);
        int before = deadLetters().size();

        assertThat(handler.handle(failedAt(7), output, new RecordTooLargeException("too large")))
                .isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(handler.handleSerializationException(
                        failedAt(8), output, new IllegalArgumentException("bad"), SerializationExceptionOrigin.VALUE))
                .isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(handler.handle(failedAt(9), output, new TimeoutException("later")))
                .isEqualTo(ProductionExceptionHandlerResponse.RETRY);

        await().atMost(Duration.ofSeconds(15)).until(() -> deadLetters().size() == before + 2);
        assertThat(deadLetters().subList(before, before + 2))
                .extracting(r -> header(r, Topics.HEADER_SOURCE))
                .containsExactlyInAnyOrder("page-views-3-7", "page-views-3-8");
        assertThat(deadLettered("production")).isEqualTo(2);
    }
}
