package dev.newsflow.streams.app;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/** Kafka's log-and-continue processing handler (which also writes the dead letter), counting each record it handles. */
public final class CountingProcessingHandler extends LogAndContinueProcessingExceptionHandler {

    private PipelineMetrics metrics;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        metrics = (PipelineMetrics) configs.get(PipelineMetrics.CONFIG_KEY);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (metrics != null) {
            metrics.deadLetter();
        }
        return super.handleError(context, record, exception);
    }
}
