package dev.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.producers.article.ArticleRules;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.producers.source.DocumentReader;
import dev.newsflow.producers.source.Format;
import dev.newsflow.producers.source.JsonFieldMapping;
import dev.newsflow.producers.source.SourceDocument;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The article topology in a real KafkaStreams app on the real broker and registry: samples in, enriched out, bad bytes to the DLQ. */
@ExtendWith(KafkaStackExtension.class)
class ArticlePipelineIT {

    private static final Path SAMPLES = Path.of("..", "deploy", "samples", "articles");

    private final KafkaStack stack;

    @TempDir
    Path stateDir;

    ArticlePipelineIT(KafkaStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldEnrichEverySampleMarkTheRepublishedOneAndSendUnreadableBytesToTheDlq() throws Exception {
        ArticleStageFixture stage = ArticleStageFixture.create(stack, "dlq");
        PipelineSettings settings = stage.settings();
        Map<String, Object> client = stage.client();
        String dlq = "dlq" + stage.suffix();
        Properties props = stage.props("pipeline-it", stateDir);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, dlq);
        try (KafkaStreams streams = stage.streams(props)) {
            streams.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

            List<RawArticle> samples = samples();
            try (ArticlePublisher publisher = ArticlePublisher.create(client, settings.rawTopic())) {
                for (RawArticle article : samples) {
                    publisher.publish(article).join();
                }
                publisher.publish(samples.get(0)).join(); // the same article again
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(settings.rawTopic(), "garbage".getBytes(StandardCharsets.UTF_8),
                        "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
            }

            List<ConsumerRecord<String, EnrichedArticle>> enriched = read(settings.enrichedTopic(), 24, client);
            assertThat(enriched).hasSize(24);
            assertThat(enriched.stream().filter(r -> r.value().getDuplicateOf() != null))
                    .singleElement().satisfies(r -> assertThat(r.value().getDuplicateOf()).isEqualTo(samples.get(0).getId()));
            assertThat(enriched.stream().map(ConsumerRecord::key).distinct()).hasSize(23);

            List<ConsumerRecord<byte[], byte[]>> dead = readBytes(dlq, 1);
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
                assertThat(new String(r.headers().lastHeader("__streams.errors.exception").value(), StandardCharsets.UTF_8))
                        .isEqualTo("org.apache.kafka.common.errors.SerializationException");
                assertThat(new String(r.headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                        .contains("unknown magic byte 0x6e");
            });
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            streams.close(Duration.ofSeconds(30));
        }
    }

    private static List<RawArticle> samples() throws Exception {
        DocumentReader reader = new DocumentReader(1 << 24);
        List<RawArticle> articles = new ArrayList<>();
        for (Path file : reader.files(SAMPLES)) {
            byte[] content = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            Format.detect(name, content).parser(JsonFieldMapping.defaults()).parse(new SourceDocument(name, name, content))
                    .articles().forEach(a -> articles.add(ArticleRules.toRaw(a, name, Instant.now())));
        }
        return articles;
    }

    private List<ConsumerRecord<String, EnrichedArticle>> read(String topic, int expected, Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("group.id", topic + "-reader");
        config.put("auto.offset.reset", "earliest");
        config.put("isolation.level", "read_committed");
        List<ConsumerRecord<String, EnrichedArticle>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                dev.newsflow.serde.AvroSerde.specific(EnrichedArticle.class, client, false).deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add); // anything beyond what was expected
        }
        return records;
    }

    private List<ConsumerRecord<byte[], byte[]>> readBytes(String topic, int expected) {
        Map<String, Object> config = Map.of("bootstrap.servers", stack.bootstrapServers(), "group.id", topic + "-reader",
                "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
