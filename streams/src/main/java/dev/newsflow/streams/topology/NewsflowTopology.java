package dev.newsflow.streams.topology;

import dev.newsflow.avro.WindowedCount;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.count.CountStage;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** The whole application: the article stage, then counting from the enriched articles in memory (no re-read). */
public final class NewsflowTopology {

    private NewsflowTopology() {
    }

    public static Topology build(PipelineSettings articles, CountStage.Settings counts, ArticleSerdes serdes,
            Serde<WindowedCount> countSerde, ArticleCleaner cleaner, EnrichedArticles enricher, Clock clock, Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        var enriched = ArticleTopology.addTo(builder, articles, serdes, cleaner, enricher);
        CountStage.addTo(builder, enriched, counts, countSerde, clock);
        return builder.build(props);
    }
}
