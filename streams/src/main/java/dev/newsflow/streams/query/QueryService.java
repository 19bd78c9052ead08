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
import java.util.Optional;
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

    /** Every count of a dimension in the window of {@code spec} that starts at {@code windowStart}, on this instance. */
    public List<CountRow> window(Dimension dimension, WindowSpec spec, long windowStart) {
        List<CountRow> rows = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Tally> all = counts(spec).fetchAll(Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowStart))) {
            while (all.hasNext()) {
                KeyValue<Windowed<String>, Tally> entry = all.next();
                String key = entry.key.key();
                if (Dimension.of(key) == dimension) {
                    rows.add(row(key, entry.key.window().start(), spec, entry.value));
                }
            }
        }
        return rows;
    }

    /** The counts of one key over a range of window starts, on this instance (the key's partition must be here). */
    public List<CountRow> series(String key, WindowSpec spec, long from, long to) {
        List<CountRow> rows = new ArrayList<>();
        try (WindowStoreIterator<Tally> windows = counts(spec).fetch(key, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            while (windows.hasNext()) {
                KeyValue<Long, Tally> entry = windows.next();
                rows.add(row(key, entry.key, spec, entry.value));
            }
        }
        return rows;
    }

    /** The start of the newest window of {@code spec} that holds a count here, if any. */
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
