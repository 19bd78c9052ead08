package dev.newsflow.streams.count;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Finds the mentions that arrive after every window of some definition that contains them has closed (window end plus
 * grace at or before stream time), which the windowed aggregation would drop without a word. Every mention goes on to
 * the windows (others may still be open); a late one also goes to {@code news.late} with the reason. It keeps the key,
 * so the aggregations after it need no second repartition.
 */
public final class LateMentions implements FixedKeyProcessor<String, Mention, CountInput> {

    private final List<WindowSpec> specs;
    private final Duration grace;
    private FixedKeyProcessorContext<String, CountInput> context;

    public LateMentions(List<WindowSpec> specs, Duration grace) {
        this.specs = specs;
        this.grace = grace;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CountInput> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Mention> record) {
        long eventTime = record.timestamp();
        long streamTime = Math.max(context.currentStreamTimeMs(), eventTime);
        context.forward(record.withValue(new CountInput(record.value(), eventTime, null)));
        for (WindowSpec spec : specs) {
            long lastWindowEnd = spec.latestStartContaining(eventTime) + spec.size().toMillis();
            if (lastWindowEnd + grace.toMillis() <= streamTime) {
                String reason = "event time " + Instant.ofEpochMilli(eventTime) + " is after the grace period (" + grace
                        + ") of every " + spec.name() + " window containing it; stream time is " + Instant.ofEpochMilli(streamTime);
                context.forward(record.withValue(new CountInput(record.value(), eventTime, reason)));
                return; // one record in news.late per late mention
            }
        }
    }
}
