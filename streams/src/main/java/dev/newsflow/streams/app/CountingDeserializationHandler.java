package dev.newsflow.streams.app;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** The dead-letter handler, counting each record it sends to the DLQ. */
public final class CountingDeserializationHandler extends DeadLetterDeserializationHandler {

    private PipelineMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = (PipelineMetrics) configs.get(PipelineMetrics.CONFIG_KEY);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        if (metrics != null && response.result() == Result.RESUME) { // skipped: a dead letter, not a registry outage
            metrics.deadLetter();
        }
        return response;
    }
}
