package dev.newsflow.streams.count;

import dev.newsflow.avro.WindowedCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A pane's new count as the live counts of the rolling windows that contain it: each window still open is the sum of
 * its panes, read from the pane store in one range. The store takes one update per event; only the output has one
 * record per window.
 */
final class RollingSums implements Processor<Windowed<String>, Tally, String, WindowedCount> {

    private final WindowSpec spec;
    private final String storeName;
    private final Duration grace;
    private final Clock clock;
    private ProcessorContext<String, WindowedCount> context;
    private TimestampedWindowStore<String, Tally> panes;

    RollingSums(WindowSpec spec, String storeName, Duration grace, Clock clock) {
        this.spec = spec;
        this.storeName = storeName;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, WindowedCount> context) {
        this.context = context;
        this.panes = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<Windowed<String>, Tally> record) {
        String key = record.key().key();
        long pane = record.key().window().start();
        long advance = spec.advance().toMillis();
        long size = spec.size().toMillis();
        long first = Math.max(0, pane - size + advance);
        TreeMap<Long, Tally> around = read(key, first, pane + size - advance);
        long streamTime = context.currentStreamTimeMs();
        for (long start = first; start <= pane; start += advance) {
            if (start + size + grace.toMillis() <= streamTime) {
                continue; // closed: the windowed aggregation this replaces would not have changed it either
            }
            Tally sum = Tally.EMPTY;
            for (Tally tally : around.subMap(start, start + size).values()) {
                sum = sum.plus(tally);
            }
            var output = CountStage.output(key, Instant.ofEpochMilli(start), sum, spec, false, clock);
            context.forward(record.withKey(output.key).withValue(output.value));
        }
    }

    private TreeMap<Long, Tally> read(String key, long from, long to) {
        TreeMap<Long, Tally> found = new TreeMap<>();
        try (WindowStoreIterator<ValueAndTimestamp<Tally>> iterator = panes.fetch(key, from, to)) {
            iterator.forEachRemaining(entry -> found.put(entry.key, entry.value.value()));
        }
        return found;
    }
}
