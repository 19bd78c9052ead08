package dev.newsflow.streams.app;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** Kafka's log-and-continue handler (which also writes the dead letter), counting each record it handles. */
public final class CountingDeserializationHandler extends LogAndContinueExceptionHandler {

    private PipelineMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = (PipelineMetrics) configs.get(PipelineMetrics.CONFIG_KEY);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (metrics != null) {
            metrics.deadLetter();
        }
        return super.handleError(context, record, exception);
    }
}
