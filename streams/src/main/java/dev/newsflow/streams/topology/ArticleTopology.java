package dev.newsflow.streams.topology;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.dedupe.DedupeOutput;
import dev.newsflow.streams.dedupe.DuplicateMarker;
import dev.newsflow.streams.dedupe.IndexUpdater;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Raw articles to clean and enriched ones, in one sub-topology: each article is deserialised once, cleaned, checked for
 * duplicates, written to {@code news.articles.clean} on the way, enriched and written to {@code news.articles.enriched}.
 * Bad records fail in a named processor and go to the dead-letter queue that the streams config names.
 */
public final class ArticleTopology {

    public static final String READ_RAW = "read-raw-articles";
    public static final String CLEAN = "clean-article";
    public static final String MARK_DUPLICATES = "mark-duplicates";
    public static final String WRITE_CLEAN = "write-clean-articles";
    public static final String ENRICH = "enrich-article";
    public static final String WRITE_ENRICHED = "write-enriched-articles";
    public static final String WRITE_INDEX = "write-dedupe-index";
    public static final String READ_INDEX = "read-dedupe-index";

    private ArticleTopology() {
    }

    public static Topology build(PipelineSettings settings, ArticleSerdes serdes, ArticleCleaner cleaner,
            EnrichedArticles enricher, Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, settings, serdes, cleaner, enricher);
        return builder.build(props);
    }

    /** Adds the article stage to {@code builder}; returns the enriched articles, for the stages after it. */
    public static KStream<String, EnrichedArticle> addTo(StreamsBuilder builder, PipelineSettings settings, ArticleSerdes serdes,
            ArticleCleaner cleaner, EnrichedArticles enricher) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DuplicateMarker.LOCAL_STORE),
                Serdes.String(), Serdes.String()));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DuplicateMarker.GLOBAL_STORE),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(),
                settings.dedupeIndexTopic(), Consumed.with(Serdes.String(), Serdes.String()).withName(READ_INDEX), IndexUpdater::new);

        KStream<String, DedupeOutput> marked = builder
                .stream(settings.rawTopic(), Consumed.with(Serdes.String(), serdes.raw()).withName(READ_RAW))
                .processValues(RawArticleCheck::new, Named.as("check-raw-article"))
                .mapValues(cleaner::clean, Named.as(CLEAN))
                .process(() -> new DuplicateMarker(settings.dedupeWindow(), settings.nearDuplicateDistance()),
                        Named.as(MARK_DUPLICATES), DuplicateMarker.LOCAL_STORE);

        var branches = marked.split(Named.as("dedupe-output-"))
                .branch((key, out) -> out.isArticle(), Branched.as("articles"))
                .defaultBranch(Branched.as("index"));

        KStream<String, CleanArticle> clean = branches.get("dedupe-output-articles").mapValues(DedupeOutput::article, Named.as("unwrap-article"));
        clean.to(settings.cleanTopic(), Produced.with(Serdes.String(), serdes.clean()).withName(WRITE_CLEAN));
        KStream<String, EnrichedArticle> enriched = clean.mapValues(enricher::enrich, Named.as(ENRICH));
        enriched.to(settings.enrichedTopic(), Produced.with(Serdes.String(), serdes.enriched()).withName(WRITE_ENRICHED));

        branches.get("dedupe-output-index")
                .map((key, out) -> KeyValue.pair(out.indexKey(), out.indexValue()), Named.as("to-index-entry"))
                .to(settings.dedupeIndexTopic(), Produced.with(Serdes.String(), Serdes.String()).withName(WRITE_INDEX));
        return enriched;
    }
}
