package dev.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.avro.EnrichedArticle;
import dev.newsflow.avro.RawArticle;
import dev.newsflow.avro.ThemeHit;
import dev.newsflow.producers.publish.ArticlePublisher;
import dev.newsflow.serde.AvroSerde;
import dev.newsflow.serde.AvroSerdeConfig;
import dev.newsflow.testkit.KafkaStack;
import dev.newsflow.testkit.KafkaStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema evolution while the app runs: a producer starts writing RawArticle v2 (one more optional field) to the raw
 * topic; the app, built with v1, processes old and new records alike, the registry keeps both versions, and a reader
 * of the enriched topic built with today's schema reads everything.
 */
@ExtendWith(KafkaStackExtension.class)
class SchemaEvolutionIT {

    private final KafkaStack stack;

    @TempDir
    Path stateDir;

    SchemaEvolutionIT(KafkaStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldProcessVersionOneAndVersionTwoRawArticlesAndKeepBothVersions() throws Exception {
        ArticleStageFixture stage = ArticleStageFixture.create(stack);
        PipelineSettings settings = stage.settings();
        Map<String, Object> client = stage.client();
        try (KafkaStreams streams = stage.streams(stage.props("evolution-it", stateDir))) {
            streams.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

            RawArticle v1 = article("v1-article", "Leaders agreed on climate finance and emissions targets at the summit.");
            try (ArticlePublisher publisher = ArticlePublisher.create(client, settings.rawTopic())) {
                publisher.publish(v1).join();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> read(settings.enrichedTopic(), client).size() == 1);

            // a newer producer: RawArticle with an optional "section" field, registered by the serializer itself
            Schema v2 = withOptionalSection(RawArticle.getClassSchema());
            GenericRecord v2Article = asV2(article("v2-article", "Tariffs and exports dominated the talks; new tariffs would hit exports of steel."), v2, "World");
            Map<String, Object> producerConfig = new HashMap<>(client);
            producerConfig.put("auto.register.schemas", true);
            var values = AvroSerde.generic(AvroSerdeConfig.registryClient(client)).serializer();
            values.configure(producerConfig, false); // a serializer instance given to a producer is not configured by it
            try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), values)) {
                producer.send(new ProducerRecord<>(settings.rawTopic(), "v2-article", v2Article)).get();
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(read(settings.enrichedTopic(), client))
                    .extracting(EnrichedArticle::getId).containsExactlyInAnyOrder("v1-article", "v2-article"));
            List<EnrichedArticle> enriched = read(settings.enrichedTopic(), client);
            assertThat(enriched).filteredOn(a -> a.getId().equals("v2-article")).singleElement().satisfies(a -> {
                assertThat(a.getTitle()).isEqualTo("v2-article");
                assertThat(a.getThemes()).extracting(ThemeHit::getId).containsExactly("trade");
            });
            assertThat(versions(settings.rawTopic() + "-value")).isEqualTo("[1,2]");
            assertThat(versions(settings.enrichedTopic() + "-value")).isEqualTo("[1]");
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            streams.close(Duration.ofSeconds(30));
        }
    }

    private static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setTitle(id).setBody(body).setContentType("text/plain")
                .setPublishedAt(Instant.parse("2025-03-06T10:00:00Z")).setFetchedAt(Instant.now()).build();
    }

    private static Schema withOptionalSection(Schema v1) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(v1.toString());
        ((ArrayNode) json.get("fields")).addObject().put("name", "section").put("doc", "Section of the site, added in v2.")
                .putNull("default").putArray("type").add("null").add("string");
        return new Schema.Parser().parse(json.toString());
    }

    /** The article as a v2 record: every v1 field, read back through Avro so logical types keep their encoding. */
    private static GenericRecord asV2(RawArticle article, Schema v2, String section) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        var encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(bytes, null);
        new org.apache.avro.specific.SpecificDatumWriter<RawArticle>(RawArticle.getClassSchema()).write(article, encoder);
        encoder.flush();
        var decoder = org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null);
        GenericRecord record = new org.apache.avro.generic.GenericDatumReader<GenericRecord>(RawArticle.getClassSchema(), v2).read(null, decoder);
        record.put("section", section);
        return record;
    }

    private String versions(String subject) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.schemaRegistryUrl() + "/subjects/" + subject + "/versions")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replace(" ", "");
    }

    private static List<EnrichedArticle> read(String topic, Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("isolation.level", "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                AvroSerde.specific(EnrichedArticle.class, client, false).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<EnrichedArticle> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(r.value()));
            }
            return records;
        }
    }
}
