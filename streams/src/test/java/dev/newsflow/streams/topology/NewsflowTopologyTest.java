package dev.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.WindowedCount;
import dev.newsflow.registry.InMemorySchemaRegistry;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.streams.app.PipelineMetrics;
import dev.newsflow.streams.app.StreamsConfigs;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.clean.LanguageDetector;
import dev.newsflow.streams.count.CountStage;
import dev.newsflow.streams.count.Dimension;
import dev.newsflow.streams.count.WindowSpec;
import dev.newsflow.streams.enrich.TestEngines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole application's topology under a snapshot: a renamed processor, store or internal topic fails the build. */
class NewsflowTopologyTest {

    @Test
    void shouldKeepItsProcessorStoreAndTopicNamesAndOneRepartition() throws Exception {
        var registry = new InMemorySchemaRegistry();
        var countSerde = AvroSerde.specific(WindowedCount.class, registry);
        countSerde.configure(Map.of("schema.registry.url", "http://unused"), false);
        var counts = new CountStage.Settings(WindowSpec.DEFAULTS, Duration.ofMinutes(10), Duration.ofDays(7),
                Map.of(Dimension.LEADER, "news.counts.leaders", Dimension.THEME, "news.counts.themes", Dimension.PAIR, "news.counts.leader-themes"),
                Map.of(Dimension.LEADER, "news.counts.leaders.final", Dimension.THEME, "news.counts.themes.final",
                        Dimension.PAIR, "news.counts.leader-themes.final"), "news.late");
        String described = NewsflowTopology.build(PipelineSettings.defaults(), counts, ArticleSerdes.with(registry), countSerde,
                new ArticleCleaner(LanguageDetector.load()), new EnrichedArticles(TestEngines.engine(), Clock.systemUTC()),
                new PipelineMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), StreamsConfigs.of("snapshot", Map.of()))
                .describe().toString();

        Path snapshot = Path.of("src/test/resources/topology/newsflow-topology.txt");
        if (Boolean.getBoolean("snapshot.update")) { // mvn test -Dsnapshot.update=true, after a deliberate change
            Files.writeString(snapshot, described);
        }
        assertThat(java.util.regex.Pattern.compile("topics?: \\[?([\\w.-]+-repartition)").matcher(described).results()
                .map(m -> m.group(1)).distinct()).as("repartition topics").containsExactly("mentions-repartition");
        assertThat(described).as("the topology changed: internal topic and store names are part of the contract")
                .isEqualTo(Files.readString(snapshot));
    }
}
