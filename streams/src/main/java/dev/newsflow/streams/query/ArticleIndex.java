package dev.newsflow.streams.query;

import dev.newsflow.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps the enriched articles queryable: by id ({@value #ARTICLES}), and the most recent ones of this partition
 * ({@value #LATEST}, keyed so that iteration order is newest first, trimmed to {@value #KEEP_LATEST}). The latest are
 * held in memory (and restored from their changelog): in RocksDB every trimmed entry left a tombstone that the next
 * trim's scan walked past, so each article cost more than the one before (17% of the stream thread by 20,000 articles).
 */
public final class ArticleIndex implements Processor<String, EnrichedArticle, Void, Void> {

    public static final String ARTICLES = "articles";
    public static final String LATEST = "latest-articles";
    static final int KEEP_LATEST = 200;

    private KeyValueStore<String, EnrichedArticle> articles;
    private KeyValueStore<String, String> latest;

    public static void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched, Serde<EnrichedArticle> serde) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES), Serdes.String(), serde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LATEST), Serdes.String(), Serdes.String()));
        enriched.process(ArticleIndex::new, Named.as("index-articles"), ARTICLES, LATEST);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        articles = context.getStateStore(ARTICLES);
        latest = context.getStateStore(LATEST);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article == null) {
            return;
        }
        articles.put(article.getId(), article);
        latest.put(newestFirst(article.getEnrichedAt().toEpochMilli(), article.getId()), article.getId());
        trim();
    }

    /** Keys that sort newest first: the inverted time, zero-padded, then the id. */
    static String newestFirst(long epochMillis, String id) {
        return String.format("%019d|%s", Long.MAX_VALUE - epochMillis, id);
    }

    private void trim() {
        if (latest.approximateNumEntries() <= KEEP_LATEST) { // exact for an in-memory store
            return;
        }
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, String> all = latest.all()) {
            for (int seen = 0; all.hasNext(); seen++) {
                String key = all.next().key;
                if (seen >= KEEP_LATEST) {
                    old.add(key);
                }
            }
        }
        old.forEach(latest::delete);
    }
}
