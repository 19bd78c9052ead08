package dev.newsflow.streams.topology;

import dev.newsflow.streams.app.StreamsConfigs;
import dev.newsflow.streams.clean.ArticleCleaner;
import dev.newsflow.streams.clean.LanguageDetector;
import dev.newsflow.streams.enrich.TestEngines;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.topics.TopicCreator;
import dev.newsflow.topics.TopicSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/** The article stage on the shared test stack, on topics of its own (a random suffix): where the pipeline ITs start. */
record ArticleStageFixture(PipelineSettings settings, Map<String, Object> client, String suffix) {

    /** @param extraTopics more topics to create, by name before the suffix (one partition each), such as a DLQ */
    static ArticleStageFixture create(KafkaStack stack, String... extraTopics) {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineSettings settings = new PipelineSettings("raw" + suffix, "clean" + suffix, "enriched" + suffix, "index" + suffix,
                Duration.ofDays(7), 6);
        List<TopicSpec> topics = new ArrayList<>(List.of(
                new TopicSpec(settings.rawTopic(), 3, (short) 1, Map.of()), new TopicSpec(settings.cleanTopic(), 3, (short) 1, Map.of()),
                new TopicSpec(settings.enrichedTopic(), 3, (short) 1, Map.of()),
                new TopicSpec(settings.dedupeIndexTopic(), 1, (short) 1, Map.of("cleanup.policy", "compact"))));
        for (String topic : extraTopics) {
            topics.add(new TopicSpec(topic + suffix, 1, (short) 1, Map.of()));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            TopicCreator.createMissing(admin, topics);
        }
        return new ArticleStageFixture(settings,
                Map.of("bootstrap.servers", stack.bootstrapServers(), "schema.registry.url", stack.schemaRegistryUrl()), suffix);
    }

    /** Streams settings for an app of this stage: 100 ms commits, state under {@code stateDir}. */
    Properties props(String applicationId, Path stateDir) {
        Properties props = StreamsConfigs.of(applicationId + suffix, client);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return props;
    }

    /** The article topology on the test engine, as a KafkaStreams app not yet started. */
    KafkaStreams streams(Properties props) {
        return new KafkaStreams(ArticleTopology.build(settings, ArticleSerdes.from(client), new ArticleCleaner(LanguageDetector.load()),
                new EnrichedArticles(TestEngines.engine(), Clock.systemUTC()), props), props);
    }
}
