package dev.newsflow.streams.topology;

import dev.newsflow.avro.WindowedCount;
import dev.newsflow.streams.app.PipelineMetrics;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.count.CountStage;
import dev.newsflow.streams.query.ArticleIndex;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;

/** The whole application: the article stage, then counting from the enriched articles in memory (no re-read). */
public final class NewsflowTopology {

    private NewsflowTopology() {
    }

    public static Topology build(PipelineSettings articles, CountStage.Settings counts, ArticleSerdes serdes,
            Serde<WindowedCount> countSerde, ArticleCleaner cleaner, EnrichedArticles enricher, PipelineMetrics metrics,
            Clock clock, Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        var enriched = ArticleTopology.addTo(builder, articles, serdes, cleaner, enricher)
                .peek((id, article) -> metrics.enriched(article.getDuplicateOf() != null), Named.as("count-enriched-articles"));
        ArticleIndex.addTo(builder, enriched, serdes.enriched());
        CountStage.addTo(builder, enriched, counts, countSerde, clock, metrics::late);
        return builder.build(props);
    }
}
