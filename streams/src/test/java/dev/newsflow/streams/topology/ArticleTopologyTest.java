package dev.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.CleanArticle;
import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.LeaderMention;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.avro.ThemeHit;
import dev.newsflow.registry.InMemorySchemaRegistry;
import dev.newsflow.streams.app.StreamsConfigs;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.clean.LanguageDetector;
import dev.newsflow.streams.enrich.TestEngines;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both stages and the dead-letter queue, on the TopologyTestDriver with explicit record timestamps. */
class ArticleTopologyTest {

    private static final Instant T0 = Instant.parse("2022-01-03T10:00:00Z");
    private static final LanguageDetector LANGUAGES = LanguageDetector.load();
    private static final String STORY = "BEIJING, Jan. 2 (Xinhua) -- Chinese President Xi Jinping held talks with German "
            + "Chancellor Olaf Scholz by video link on Sunday. The two leaders discussed climate change and emissions, "
            + "agreeing that net zero targets matter, and Xi said climate change needed urgent action. Scholz said "
            + "cooperation on emissions would continue through the year and beyond.";

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, CleanArticle> clean;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        ArticleSerdes serdes = ArticleSerdes.with(new InMemorySchemaRegistry());
        Properties props = StreamsConfigs.of("article-topology-test", Map.of("bootstrap.servers", "unused:9092"));
        props.put("statestore.cache.max.bytes", 0);
        var enricher = new EnrichedArticles(TestEngines.engine(), Clock.fixed(T0, ZoneOffset.UTC));
        driver = new TopologyTestDriver(ArticleTopology.build(PipelineSettings.defaults(), serdes, new ArticleCleaner(LANGUAGES),
                enricher, props), props);
        raw = driver.createInputTopic("news.articles.raw", new StringSerializer(), serdes.raw().serializer());
        clean = driver.createOutputTopic("news.articles.clean", new StringDeserializer(), serdes.clean().deserializer());
        enriched = driver.createOutputTopic("news.articles.enriched", new StringDeserializer(), serdes.enriched().deserializer());
        dlq = driver.createOutputTopic("news.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setTitle("Xi and Scholz hold talks").setBody(body).setContentType("text/plain")
                .setPublishedAt(T0).setFetchedAt(T0).build();
    }

    @Test
    void shouldCleanThenEnrichAnArticle() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", STORY), T0));

        CleanArticle c = clean.readValue();
        assertThat(c.getDateline()).isEqualTo("BEIJING, Jan. 2 (Xinhua)");
        assertThat(c.getText()).startsWith("Chinese President Xi Jinping held talks");
        assertThat(c.getLanguage()).isEqualTo("en");
        assertThat(c.getDuplicateOf()).isNull();

        EnrichedArticle e = enriched.readValue();
        assertThat(e.getLeaders()).extracting(LeaderMention::getWikidataId, LeaderMention::getMentions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Q15031", 3), org.assertj.core.groups.Tuple.tuple("Q61053", 3));
        assertThat(e.getThemes()).extracting(ThemeHit::getId).containsExactly("climate");
        assertThat(e.getEnrichedAt()).isEqualTo(T0);
        assertThat(clean.isEmpty()).isTrue();
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldMarkTheSameIdTheSameTextAndANearCopyAsDuplicatesWithinTheWindow() {
        raw.pipeInput(new TestRecord<>("a1", article("a1", STORY), T0));
        raw.pipeInput(new TestRecord<>("a1", article("a1", STORY), T0.plusSeconds(60)));
        raw.pipeInput(new TestRecord<>("a2", article("a2", STORY.replace(" ", "  ").replace("Sunday", "SUNDAY")), T0.plusSeconds(120)));
        raw.pipeInput(new TestRecord<>("a3", article("a3", STORY.replace("on Sunday", "on Sunday evening")), T0.plusSeconds(180)));
        raw.pipeInput(new TestRecord<>("a4", article("a4", "Heavy rain flooded the capital overnight, closing schools and "
                + "roads while forecasters warned of more storms across the north later in the week as rivers rose."), T0.plusSeconds(240)));
        raw.pipeInput(new TestRecord<>("a5", article("a5", STORY), T0.plus(Duration.ofDays(8))));

        assertThat(clean.readValuesToList()).extracting(CleanArticle::getId, CleanArticle::getDuplicateOf).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a1", null),
                org.assertj.core.groups.Tuple.tuple("a1", "a1"),
                org.assertj.core.groups.Tuple.tuple("a2", "a1"),
                org.assertj.core.groups.Tuple.tuple("a3", "a1"),
                org.assertj.core.groups.Tuple.tuple("a4", null),
                org.assertj.core.groups.Tuple.tuple("a5", null));
        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getDuplicateOf)
                .containsExactly(null, "a1", "a1", "a1", null, null);
    }

    @Test
    void shouldSendRecordsItCannotProcessToTheDeadLetterQueueAndKeepGoing() {
        raw.pipeInput(new TestRecord<>("empty", null, T0));
        raw.pipeInput(new TestRecord<>("no-body", article("no-body", " "), T0));
        RawArticle future = article("future", STORY);
        future.setPublishedAt(java.time.Instant.parse("2999-01-01T00:00:00Z"));
        raw.pipeInput(new TestRecord<>("future", future, T0));
        raw.pipeInput(new TestRecord<>("a1", article("a1", STORY), T0));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("empty", "no-body", "future");
        assertThat(dead).extracting(r -> header(r, "__streams.errors.message")).containsExactly(
                "empty value: a raw article record needs a RawArticle value", "article no-body has an empty body",
                "article future is dated 2999-01-01T00:00:00Z, more than 24 h ahead of " + T0);
        assertThat(dead).extracting(r -> header(r, "__streams.errors.exception"))
                .containsOnly("java.lang.IllegalArgumentException");
        assertThat(dead).extracting(r -> header(r, "__streams.errors.topic")).containsOnly("news.articles.raw");
        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("a1");
    }

    @Test
    void shouldKeepItsProcessorStoreAndTopicNames() throws Exception {
        String described = ArticleTopology.build(PipelineSettings.defaults(), ArticleSerdes.with(new InMemorySchemaRegistry()),
                new ArticleCleaner(LANGUAGES), new EnrichedArticles(TestEngines.engine(), Clock.systemUTC()),
                StreamsConfigs.of("snapshot", Map.of())).describe().toString();
        java.nio.file.Path snapshot = java.nio.file.Path.of("src/test/resources/topology/article-topology.txt");
        if (Boolean.getBoolean("snapshot.update")) { // mvn test -Dsnapshot.update=true, after a deliberate change
            java.nio.file.Files.writeString(snapshot, described);
        }
        assertThat(described).as("the topology changed: internal topic and store names are part of the contract")
                .isEqualTo(java.nio.file.Files.readString(snapshot));
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
