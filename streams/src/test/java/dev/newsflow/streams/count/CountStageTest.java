package dev.newsflow.streams.count;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.LeaderMention;
import dev.newsflow.avro.ThemeHit;
import dev.newsflow.avro.WindowedCount;
import dev.newsflow.registry.InMemorySchemaRegistry;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.streams.app.StreamsConfigs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact counts per window, final results, duplicates and late events, with explicit event times. */
class CountStageTest {

    private static final Instant T = Instant.parse("2022-01-03T10:02:00Z");
    private static final Map<Dimension, String> LIVE = Map.of(Dimension.LEADER, "news.counts.leaders",
            Dimension.THEME, "news.counts.themes", Dimension.PAIR, "news.counts.leader-themes");
    private static final Map<Dimension, String> FINAL = Map.of(Dimension.LEADER, "news.counts.leaders.final",
            Dimension.THEME, "news.counts.themes.final", Dimension.PAIR, "news.counts.leader-themes.final");

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, WindowedCount> leaders;
    private TestOutputTopic<String, WindowedCount> leadersFinal;

    @TempDir
    Path stateDir;
    private TestOutputTopic<String, WindowedCount> pairs;
    private TestOutputTopic<String, String> late;

    @BeforeEach
    void start() {
        startDriver();
    }

    /** A driver over the count stage, with its state in {@link #stateDir}: a second one finds the first one's panes. */
    private void startDriver() {
        var registry = new InMemorySchemaRegistry();
        Map<String, String> config = Map.of("schema.registry.url", "http://unused");
        var articleSerde = AvroSerde.specific(EnrichedArticle.class, registry);
        articleSerde.configure(config, false);
        var countSerde = AvroSerde.specific(WindowedCount.class, registry);
        countSerde.configure(config, false);
        StreamsBuilder builder = new StreamsBuilder();
        var stream = builder.stream("enriched-in", Consumed.with(Serdes.String(), articleSerde));
        CountStage.addTo(builder, stream, new CountStage.Settings(WindowSpec.DEFAULTS, Duration.ofMinutes(10), Duration.ofDays(7),
                LIVE, FINAL, "news.late"), countSerde, Clock.fixed(T, ZoneOffset.UTC));
        Properties props = StreamsConfigs.of("count-stage-test", Map.of("bootstrap.servers", "unused:9092"));
        props.put("statestore.cache.max.bytes", 0);
        props.put("state.dir", stateDir.toString());
        driver = new TopologyTestDriver(builder.build(props), props);
        enriched = driver.createInputTopic("enriched-in", new StringSerializer(), articleSerde.serializer());
        leaders = driver.createOutputTopic("news.counts.leaders", new StringDeserializer(), countSerde.deserializer());
        leadersFinal = driver.createOutputTopic("news.counts.leaders.final", new StringDeserializer(), countSerde.deserializer());
        pairs = driver.createOutputTopic("news.counts.leader-themes", new StringDeserializer(), countSerde.deserializer());
        late = driver.createOutputTopic("news.late", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static EnrichedArticle article(String id, Instant published, String duplicateOf) {
        return EnrichedArticle.newBuilder().setId(id).setTitle("t").setText("x").setPublishedAt(published).setDuplicateOf(duplicateOf)
                .setLeaders(List.of(LeaderMention.newBuilder().setWikidataId("Q15031").setName("Xi Jinping").setMentions(3)
                        .setResolvedBy("name").build()))
                .setThemes(List.of(ThemeHit.newBuilder().setId("climate").setLabel("Climate change").setScore(0.7)
                        .setTerms(List.of("emissions", "net zero")).build()))
                .setEnrichedAt(published).build();
    }

    /**
     * Pipes an article, then lets the pairs' interval pass: the rolling windows' live counts go out on a wall-clock
     * punctuation, the pairs' once their change is that old.
     */
    private void pipe(String id, Instant published, String duplicateOf) {
        enriched.pipeInput(new TestRecord<>(id, article(id, published, duplicateOf), published.plusSeconds(30)));
        driver.advanceWallClockTime(RollingSums.PAIR_INTERVAL);
    }

    @Test
    void shouldCountAnArticleOnceInEveryWindowThatContainsIt() {
        pipe("a1", T, null);

        List<WindowedCount> updates = leaders.readValuesToList();
        // 12 rolling-hour windows (1 h every 5 min), 24 rolling-day windows (24 h every hour), 1 calendar day
        assertThat(updates).hasSize(12 + 24 + 1);
        assertThat(updates).allSatisfy(c -> {
            assertThat(c.getKey()).isEqualTo("Q15031");
            assertThat(c.getLabel()).isEqualTo("Xi Jinping");
            assertThat(c.getArticleCount()).isEqualTo(1);
            assertThat(c.getMentionCount()).isEqualTo(3);
            assertThat(c.getIsFinal()).isFalse();
        });
        assertThat(updates).filteredOn(c -> c.getWindowSizeMs() == 3_600_000L).extracting(WindowedCount::getWindowStart)
                .first().isEqualTo(Instant.parse("2022-01-03T09:05:00Z"));
        assertThat(updates).filteredOn(c -> c.getWindowSizeMs() == 86_400_000L && c.getWindowStart().equals(Instant.parse("2022-01-03T00:00:00Z")))
                .hasSize(2); // the calendar day and the rolling day that starts at midnight
        assertThat(pairs.readValuesToList()).hasSize(37).allSatisfy(c -> assertThat(c.getKey()).isEqualTo("Q15031|climate"));
    }

    @Test
    void shouldAddUpArticlesAndMentionsAndSkipDuplicates() {
        pipe("a1", T, null);
        pipe("a2", T.plus(Duration.ofMinutes(38)), null);
        pipe("a3", T.plus(Duration.ofMinutes(40)), "a1");

        Map<String, WindowedCount> latest = new java.util.HashMap<>();
        leaders.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        WindowedCount tenToEleven = latest.get("leader:Q15031@1h-5m@2022-01-03T10:00:00Z");
        assertThat(List.of(tenToEleven.getArticleCount(), tenToEleven.getMentionCount())).containsExactly(2L, 6L);
        WindowedCount fiveToTen = latest.get("leader:Q15031@1h-5m@2022-01-03T09:05:00Z");
        assertThat(List.of(fiveToTen.getArticleCount(), fiveToTen.getMentionCount())).containsExactly(1L, 3L);
        WindowedCount day = latest.get("leader:Q15031@24h-1h@2022-01-03T00:00:00Z");
        assertThat(List.of(day.getArticleCount(), day.getMentionCount())).containsExactly(2L, 6L);
        // the rolling hour keeps 5-minute panes: the window is their sum, each event updated one pane
        WindowStore<String, Tally> panes = driver.getWindowStore(CountStage.storeName(WindowSpec.DEFAULTS.get(0)));
        assertThat(panes.fetch("leader:Q15031", Instant.parse("2022-01-03T10:00:00Z").toEpochMilli())).isEqualTo(new Tally(1, 3, "Xi Jinping"));
        assertThat(panes.fetch("leader:Q15031", Instant.parse("2022-01-03T10:40:00Z").toEpochMilli())).isEqualTo(new Tally(1, 3, "Xi Jinping"));
        assertThat(panes.fetch("theme:climate", Instant.parse("2022-01-03T10:40:00Z").toEpochMilli())).isEqualTo(new Tally(1, 2, "Climate change"));
    }

    @Test
    void shouldEmitEachClosedDayOnceAndSendLateMentionsToTheLateTopic() {
        pipe("a1", T, null);
        pipe("a2", T.plus(Duration.ofMinutes(38)), null);
        pipe("next-day", Instant.parse("2022-01-04T00:30:00Z"), null); // stream time passes midnight + 10 min grace

        List<WindowedCount> closed = leadersFinal.readValuesToList();
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.getWindowStart()).isEqualTo(Instant.parse("2022-01-03T00:00:00Z"));
            assertThat(c.getWindowSizeMs()).isEqualTo(86_400_000L);
            assertThat(c.getArticleCount()).isEqualTo(2);
            assertThat(c.getMentionCount()).isEqualTo(6);
            assertThat(c.getIsFinal()).isTrue();
        });

        pipe("too-late", Instant.parse("2022-01-03T10:30:00Z"), null);
        List<TestRecord<String, String>> lateRecords = late.readRecordsToList();
        assertThat(lateRecords).extracting(TestRecord::key)
                .containsExactlyInAnyOrder("leader:Q15031", "pair:Q15031|climate", "theme:climate")
                .hasSize(3);
        assertThat(lateRecords.get(0).value()).contains("\"articleId\":\"too-late\"", "\"eventTime\":\"2022-01-03T10:30:00Z\"",
                "after the grace period (PT10M) of every 1h-5m window containing it");
        assertThat(leadersFinal.readValuesToList()).isEmpty();
    }

    @Test
    void shouldEmitEachRollingWindowOnceHoweverManyOfItsPanesChanged() {
        enriched.pipeInput(new TestRecord<>("a1", article("a1", T, null), T));
        enriched.pipeInput(new TestRecord<>("a2", article("a2", T.plus(Duration.ofMinutes(10)), null), T));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        List<WindowedCount> hours = leaders.readValuesToList().stream().filter(c -> c.getWindowSizeMs() == 3_600_000L).toList();
        // panes 10:00 and 10:10 lie in the windows starting 09:05 ... 10:10: 14 windows, not 12 + 12
        assertThat(hours).extracting(WindowedCount::getWindowStart).doesNotHaveDuplicates().hasSize(14)
                .startsWith(Instant.parse("2022-01-03T09:05:00Z")).endsWith(Instant.parse("2022-01-03T10:10:00Z"));
        assertThat(hours).filteredOn(c -> c.getWindowStart().equals(Instant.parse("2022-01-03T10:00:00Z")))
                .singleElement().satisfies(c -> assertThat(c.getArticleCount()).isEqualTo(2));
        assertThat(hours).filteredOn(c -> c.getWindowStart().equals(Instant.parse("2022-01-03T09:10:00Z")))
                .singleElement().satisfies(c -> assertThat(c.getArticleCount()).isEqualTo(1));
    }

    @Test
    void shouldRefuseFinalResultsForRollingWindows() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CountStage.Settings(WindowSpec.DEFAULTS, WindowSpec.DEFAULTS,
                Duration.ofMinutes(10), Duration.ofDays(7), LIVE, FINAL, "news.late"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tumbling");
    }
}
