package dev.newsflow.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.registry.InMemorySchemaRegistry;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.streams.app.StreamsConfigs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIndexTest {

    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void shouldKeepTheNewestArticlesNewestFirstAndEveryArticleById() {
        var registry = new InMemorySchemaRegistry();
        var serde = AvroSerde.specific(EnrichedArticle.class, registry);
        serde.configure(Map.of("schema.registry.url", "http://unused"), false);
        StreamsBuilder builder = new StreamsBuilder();
        ArticleIndex.addTo(builder, builder.stream("enriched-in", Consumed.with(Serdes.String(), serde)), serde);
        Properties props = StreamsConfigs.of("article-index-test", Map.of("bootstrap.servers", "unused:9092"));
        props.put("state.dir", stateDir.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(props), props)) {
            var input = driver.createInputTopic("enriched-in", new StringSerializer(), serde.serializer());
            int articles = ArticleIndex.KEEP_LATEST + 5;
            for (int i = 0; i < articles; i++) {
                String id = "a" + i;
                input.pipeInput(id, EnrichedArticle.newBuilder().setId(id).setTitle("t").setText("x").setPublishedAt(T)
                        .setEnrichedAt(T.plusSeconds(i)).build());
            }
            KeyValueStore<String, String> latest = driver.getKeyValueStore(ArticleIndex.LATEST);
            List<String> kept = new ArrayList<>();
            try (var all = latest.all()) {
                all.forEachRemaining(kv -> kept.add(kv.value));
            }
            assertThat(kept).containsExactlyElementsOf(IntStream.range(5, articles).map(i -> articles + 4 - i).mapToObj(i -> "a" + i).toList());
            KeyValueStore<String, EnrichedArticle> byId = driver.getKeyValueStore(ArticleIndex.ARTICLES);
            int stored = 0;
            try (var all = byId.all()) {
                for (; all.hasNext(); all.next()) {
                    stored++;
                }
            }
            assertThat(stored).isEqualTo(articles);
            assertThat(byId.get("a0").getId()).isEqualTo("a0");
        }
    }
}
