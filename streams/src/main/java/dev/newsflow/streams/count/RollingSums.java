package dev.newsflow.streams.count;

import dev.newsflow.avro.WindowedCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The live counts of rolling windows, from their panes. A pane update only marks the pane in a small store of
 * changed panes; once per commit interval the open windows that contain a marked pane are summed from the pane store
 * and emitted, each once however many of its panes changed, and the marks are cleared. The marks are changelogged,
 * so a pane counted before a crash still gets its windows emitted after it (exactly-once: the marks, the outputs and
 * the input offsets commit together).
 */
final class RollingSums implements Processor<Windowed<String>, Tally, String, WindowedCount> {

    private static final char SEPARATOR = '@'; // count keys (leader:Q15031, pair:Q15031|climate) never hold one

    private final WindowSpec spec;
    private final String paneStoreName;
    private final Duration grace;
    private final Clock clock;
    private ProcessorContext<String, WindowedCount> context;
    private TimestampedWindowStore<String, Tally> panes;
    private KeyValueStore<String, Long> changed;

    RollingSums(WindowSpec spec, String paneStoreName, Duration grace, Clock clock) {
        this.spec = spec;
        this.paneStoreName = paneStoreName;
        this.grace = grace;
        this.clock = clock;
    }

    /** The store of changed panes of {@code spec}: key {@code countKey@paneStart}, value the pane start. */
    static StoreBuilder<KeyValueStore<String, Long>> changedPanesStore(WindowSpec spec) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(changedPanesStoreName(spec)), Serdes.String(), Serdes.Long());
    }

    static String changedPanesStoreName(WindowSpec spec) {
        return "changed-panes-" + spec.name();
    }

    @Override
    public void init(ProcessorContext<String, WindowedCount> context) {
        this.context = context;
        this.panes = context.getStateStore(paneStoreName);
        this.changed = context.getStateStore(changedPanesStoreName(spec));
        Object interval = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        long every = Math.max(10, interval == null ? 100 : Long.parseLong(interval.toString()));
        context.schedule(Duration.ofMillis(every), PunctuationType.WALL_CLOCK_TIME, now -> emitChanged());
    }

    @Override
    public void process(Record<Windowed<String>, Tally> record) {
        long pane = record.key().window().start();
        changed.put(record.key().key() + SEPARATOR + pane, pane);
    }

    private void emitChanged() {
        List<KeyValue<String, Long>> marks = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = changed.all()) {
            all.forEachRemaining(marks::add);
        }
        String key = null;
        TreeSet<Long> panesOfKey = new TreeSet<>();
        for (KeyValue<String, Long> mark : marks) { // sorted by key, so each count key's marks come together
            String markKey = mark.key.substring(0, mark.key.lastIndexOf(SEPARATOR));
            if (!markKey.equals(key)) {
                emit(key, panesOfKey);
                key = markKey;
                panesOfKey.clear();
            }
            panesOfKey.add(mark.value);
            changed.delete(mark.key);
        }
        emit(key, panesOfKey);
    }

    /** Emits each open window that contains one of {@code changedPanes}, summed from the pane store. */
    private void emit(String key, TreeSet<Long> changedPanes) {
        if (key == null || changedPanes.isEmpty()) {
            return;
        }
        long advance = spec.advance().toMillis();
        long size = spec.size().toMillis();
        long streamTime = context.currentStreamTimeMs();
        TreeSet<Long> starts = new TreeSet<>();
        for (long pane : changedPanes) {
            for (long start = Math.max(0, pane - size + advance); start <= pane; start += advance) {
                if (start + size + grace.toMillis() > streamTime) { // closed windows stay as they were
                    starts.add(start);
                }
            }
        }
        if (starts.isEmpty()) {
            return;
        }
        TreeMap<Long, Tally> around = read(key, starts.first(), starts.last() + size - advance);
        for (long start : starts) {
            Tally sum = around.subMap(start, start + size).values().stream().reduce(Tally.EMPTY, Tally::plus);
            var output = CountStage.output(key, Instant.ofEpochMilli(start), sum, spec, false, clock);
            context.forward(new Record<>(output.key, output.value, Math.max(0, streamTime)));
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
