package dev.mostread.ranker.system;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' hooks for a record that fails after it was read: in a processor, in a serialiser, or when
 * its output is refused by the broker (too large, say). Each sends the source record to the dead-letter topic
 * and lets the stream continue; without them one such record would stop the stream thread, and its
 * replacement would fail on the same record for ever.
 */
public final class DeadLetterExceptionHandlers {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterExceptionHandlers.class);

    private DeadLetterExceptionHandlers() {}

    private static DeadLetterWriter writer(Map<String, ?> configs) {
        Object writer = configs.get(DeadLetterWriter.CONFIG);
        return writer instanceof DeadLetterWriter dlq ? dlq : null;
    }

    private static void deadLetter(
            DeadLetterWriter writer, ErrorHandlerContext context, Exception error, String stage) {
        if (writer != null) {
            writer.write(context, error, stage);
        } else {
            log.warn(
                    "Skipping the record behind a {} failure at {}-{}-{}: {}",
                    stage,
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    error.toString());
        }
    }

    /** For exceptions thrown while a processor handles a record. */
    public static final class Processing implements ProcessingExceptionHandler {
        private DeadLetterWriter writer;

        @Override
        public void configure(Map<String, ?> configs) {
            writer = writer(configs);
        }

        @Override
        public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            deadLetter(writer, context, exception, "processing");
            return ProcessingHandlerResponse.CONTINUE;
        }
    }

    /** For outputs that cannot be serialised or that the broker refuses for good. */
    public static final class Production implements ProductionExceptionHandler {
        private DeadLetterWriter writer;

        @Override
        public void configure(Map<String, ?> configs) {
            writer = writer(configs);
        }

        @Override
        public ProductionExceptionHandlerResponse handle(
                ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
            if (exception instanceof RetriableException) {
                return ProductionExceptionHandlerResponse.RETRY;
            }
            deadLetter(writer, context, exception, "production");
            return ProductionExceptionHandlerResponse.CONTINUE;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public ProductionExceptionHandlerResponse handleSerializationException(
                ErrorHandlerContext context,
                ProducerRecord record,
                Exception exception,
                SerializationExceptionOrigin origin) {
            deadLetter(writer, context, exception, "production");
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
    }
}
