package dev.newsflow.streams.app;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes that cannot be read go to the DLQ (Kafka's log-and-continue handler writes the dead letter). A record that
 * failed only because the schema registry is down is not bad: the stream thread fails without committing, is replaced,
 * and reads the record again, so a registry outage costs a pause and loses nothing.
 */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (RegistryOutage.causedBy(exception)) {
            log.warn("Schema registry unavailable while reading {}-{}@{}: the thread stops and the record is read again",
                    record.topic(), record.partition(), record.offset());
            return Response.fail();
        }
        return super.handleError(context, record, exception);
    }
}
