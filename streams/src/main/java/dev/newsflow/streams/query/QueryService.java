package dev.newsflow.streams.query;

import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.streams.count.CountStage;
import dev.newsflow.streams.count.Dimension;
import dev.newsflow.streams.count.Tally;
import dev.newsflow.streams.count.WindowSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Reads this instance's state stores (interactive queries); {@link QueryServer} joins the answers of all instances. */
public final class QueryService {

    private static final int LATEST_SCAN = 2_000;

    private final KafkaStreams streams;

    public QueryService(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * Every count of a dimension in the window of {@code spec} that starts at {@code windowStart}, on this instance:
     * per key, the sum of the panes the window covers.
     */
    public List<CountRow> window(Dimension dimension, WindowSpec spec, long windowStart) {
        Map<String, Tally> sums = new TreeMap<>();
        long lastPane = windowStart + spec.size().toMillis() - spec.advance().toMillis();
        try (KeyValueIterator<Windowed<String>, Tally> all = counts(spec).fetchAll(Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(lastPane))) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, Tally> entry = all.next();
                if (Dimension.of(entry.key.key()) == dimension) {
                    sums.merge(entry.key.key(), entry.value, Tally::plus);
                }
            }
        }
        List<CountRow> rows = new ArrayList<>();
        sums.forEach((key, tally) -> rows.add(row(key, windowStart, spec, tally)));
        return rows;
    }

    /**
     * The counts of one key in the windows of {@code spec} that start between {@code from} and {@code to} and hold
     * something, on this instance (the key's partition must be here).
     */
    public List<CountRow> series(String key, WindowSpec spec, long from, long to) {
        long advance = spec.advance().toMillis();
        long size = spec.size().toMillis();
        TreeMap<Long, Tally> panes = new TreeMap<>();
        try (WindowStoreIterator<Tally> found = counts(spec).fetch(key, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to + size - advance))) {
            found.forEachRemaining(entry -> panes.put(entry.key, entry.value));
        }
        long firstStart = from + Math.floorMod(-from, advance); // window starts are multiples of the advance
        TreeSet<Long> starts = new TreeSet<>(); // the windows that contain a pane with a count
        for (long pane : panes.keySet()) {
            for (long start = Math.max(firstStart, spec.earliestStartContaining(pane)); start <= Math.min(to, pane); start += advance) {
                starts.add(start);
            }
        }
        List<CountRow> rows = new ArrayList<>();
        for (long start : starts) {
            rows.add(row(key, start, spec, Tally.sum(panes.subMap(start, start + size).values())));
        }
        return rows;
    }

    /** The start of the newest window of {@code spec} that holds a count here (its newest pane's), if any. */
    public Optional<Long> newestWindowStart(WindowSpec spec) {
        long newest = -1;
        int scanned = 0;
        try (KeyValueIterator<Windowed<String>, Tally> all = counts(spec).backwardAll()) {
            while (all.hasNext() && scanned++ < LATEST_SCAN) {
                newest = Math.max(newest, all.next().key.window().start());
            }
        }
        return newest < 0 ? Optional.empty() : Optional.of(newest);
    }

    public Optional<EnrichedArticle> article(String id) {
        return Optional.ofNullable(articles().get(id));
    }

    /** The newest articles of this instance, newest first. */
    public List<EnrichedArticle> latest(int n) {
        List<EnrichedArticle> newest = new ArrayList<>();
        ReadOnlyKeyValueStore<String, String> order = streams.store(
                StoreQueryParameters.fromNameAndType(ArticleIndex.LATEST, QueryableStoreTypes.keyValueStore()));
        try (KeyValueIterator<String, String> all = order.all()) {
            while (all.hasNext() && newest.size() < n * 2) {
                EnrichedArticle article = articles().get(all.next().value);
                if (article != null) {
                    newest.add(article);
                }
            }
        }
        newest.sort(Comparator.comparing(EnrichedArticle::getEnrichedAt).reversed());
        return newest.subList(0, Math.min(n, newest.size()));
    }

    private ReadOnlyKeyValueStore<String, EnrichedArticle> articles() {
        return streams.store(StoreQueryParameters.fromNameAndType(ArticleIndex.ARTICLES, QueryableStoreTypes.keyValueStore()));
    }

    private ReadOnlyWindowStore<String, Tally> counts(WindowSpec spec) {
        return streams.store(StoreQueryParameters.fromNameAndType(CountStage.storeName(spec), QueryableStoreTypes.windowStore()));
    }

    private static CountRow row(String key, long start, WindowSpec spec, Tally tally) {
        return new CountRow(key, tally.label(), start, start + spec.size().toMillis(), tally.articles(), tally.mentions());
    }
}
