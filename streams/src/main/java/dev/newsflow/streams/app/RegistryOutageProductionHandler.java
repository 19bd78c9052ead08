package dev.newsflow.streams.app;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's default production handler, except that an output record that could not be serialised because the schema
 * registry is down fails the task without a dead letter: the transaction aborts and the input is processed again.
 */
public final class RegistryOutageProductionHandler extends DefaultProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RegistryOutageProductionHandler.class);

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        if (RegistryOutage.causedBy(exception)) {
            log.warn("Schema registry unavailable while writing to {}: the task fails and its input is processed again", record.topic());
            return Response.fail();
        }
        return super.handleSerializationError(context, record, exception, origin);
    }
}
