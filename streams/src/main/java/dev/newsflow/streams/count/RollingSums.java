package dev.newsflow.streams.count;

import dev.newsflow.avro.WindowedCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The live counts of rolling windows, from their panes. A pane update only marks the pane as changed, in memory;
 * once per commit interval the open windows that contain a marked pane are summed from the pane store and emitted,
 * each once however many of its panes changed, and the marks are cleared. The marks are not logged: after a start, a
 * crash or a rebalance (whenever this processor is initialised) the first punctuation emits every open window of
 * every key in the store instead, so a pane counted before a crash still gets its windows emitted. Leader-theme pairs,
 * many more keys than leaders and themes and only shown as a heat map, go out at most once every
 * {@link #PAIR_INTERVAL} (1 s cost 31 records per article in {@code bench pipeline}, 5 s costs 10): each pair when its
 * first unsent change is that old, so the pairs go out spread over the interval, not in one burst that holds up the
 * leaders' and themes' counts behind it.
 */
final class RollingSums implements Processor<Windowed<String>, Tally, String, WindowedCount> {

    static final Duration PAIR_INTERVAL = Duration.ofSeconds(5);

    private final WindowSpec spec;
    private final String paneStoreName;
    private final Duration grace;
    private final Clock clock;
    private ProcessorContext<String, WindowedCount> context;
    private TimestampedWindowStore<String, Tally> panes;
    private final TreeMap<String, TreeSet<Long>> changed = new TreeMap<>();
    private boolean refreshAll;
    /** When each pair key's first change not yet emitted was marked (wall clock). */
    private final Map<String, Long> pairMarkedAt = new HashMap<>();

    RollingSums(WindowSpec spec, String paneStoreName, Duration grace, Clock clock) {
        this.spec = spec;
        this.paneStoreName = paneStoreName;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, WindowedCount> context) {
        this.context = context;
        this.panes = context.getStateStore(paneStoreName);
        this.changed.clear();
        this.pairMarkedAt.clear();
        this.refreshAll = true;
        Object interval = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        long every = Math.max(10, interval == null ? 100 : Long.parseLong(interval.toString()));
        context.schedule(Duration.ofMillis(every), PunctuationType.WALL_CLOCK_TIME, this::emitChanged);
    }

    @Override
    public void process(Record<Windowed<String>, Tally> record) {
        mark(record.key().key(), record.key().window().start(), context.currentSystemTimeMs());
    }

    private void mark(String key, long pane, long now) {
        changed.computeIfAbsent(key, k -> new TreeSet<>()).add(pane);
        if (Dimension.of(key) == Dimension.PAIR) {
            pairMarkedAt.putIfAbsent(key, now);
        }
    }

    private void emitChanged(long now) {
        if (refreshAll) {
            markEveryOpenPane();
            refreshAll = false;
        }
        long due = now - PAIR_INTERVAL.toMillis();
        var marks = changed.entrySet().iterator();
        while (marks.hasNext()) {
            var mark = marks.next();
            Long pairMarked = pairMarkedAt.get(mark.getKey());
            if (pairMarked == null || pairMarked <= due) {
                emit(mark.getKey(), mark.getValue());
                marks.remove();
                pairMarkedAt.remove(mark.getKey());
            }
        }
    }

    /** Marks every pane in the store that an open window may contain: what a start must emit, not knowing what changed. */
    private void markEveryOpenPane() {
        long streamTime = context.currentStreamTimeMs();
        long from = Math.max(0, streamTime - spec.size().toMillis() - grace.toMillis());
        try (KeyValueIterator<Windowed<String>, ValueAndTimestamp<Tally>> all = panes.fetchAll(from, Long.MAX_VALUE)) {
            all.forEachRemaining(entry -> mark(entry.key.key(), entry.key.window().start(), Long.MIN_VALUE / 2)); // due now
        }
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
            for (long start = spec.earliestStartContaining(pane); start <= pane; start += advance) {
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
            var output = CountStage.output(key, Instant.ofEpochMilli(start), Tally.sum(around.subMap(start, start + size).values()),
                    spec, false, clock);
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
