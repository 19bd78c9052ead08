package dev.newsflow.streams.topology;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.serde.AvroSerde;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the article topics, all Avro in the Confluent wire format. */
public record ArticleSerdes(Serde<RawArticle> raw, Serde<CleanArticle> clean, Serde<EnrichedArticle> enriched) {

    /** Serdes that talk to the registry named in {@code settings} ({@code schema.registry.url} and friends). */
    public static ArticleSerdes from(Map<String, ?> settings) {
        return new ArticleSerdes(AvroSerde.specific(RawArticle.class, settings, false),
                AvroSerde.specific(CleanArticle.class, settings, false),
                AvroSerde.specific(EnrichedArticle.class, settings, false));
    }

    /** Serdes on a registry client of the caller's (an in-memory one in unit tests). */
    public static ArticleSerdes with(SchemaRegistryClient registry) {
        Map<String, String> config = Map.of("schema.registry.url", "http://unused");
        var raw = AvroSerde.specific(RawArticle.class, registry);
        var clean = AvroSerde.specific(CleanArticle.class, registry);
        var enriched = AvroSerde.specific(EnrichedArticle.class, registry);
        raw.configure(config, false);
        clean.configure(config, false);
        enriched.configure(config, false);
        return new ArticleSerdes(raw, clean, enriched);
    }
}
