package dev.newsflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.registry.RegistryClientConfig;
import dev.newsflow.registry.RestSchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryException;
import dev.newsflow.serde.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The serde against the real registry and broker: exact frames, round trips, schema evolution, errors. */
@ExtendWith(KafkaStackExtension.class)
class AvroSerdeIT {

    private final KafkaStack stack;
    private final RestSchemaRegistryClient registry;

    AvroSerdeIT(KafkaStack stack) {
        this.stack = stack;
        this.registry = new RestSchemaRegistryClient(RegistryClientConfig.of(stack.schemaRegistryUrl()));
    }

    static Stream<SpecificRecord> everySchema() {
        return Stream.of(SampleRecords.raw(), SampleRecords.clean(), SampleRecords.enriched(), SampleRecords.count());
    }

    @ParameterizedTest
    @MethodSource("everySchema")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void shouldWriteTheConfluentFrameAndReadTheSameRecordBackThroughKafka(T record) throws Exception {
        String topic = StackClients.newTopic(stack, "serde-it");
        AvroSerde<T> serde = AvroSerde.specific((Class<T>) record.getClass(), Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);

        byte[] frame = serde.serializer().serialize(topic, record);

        int registeredId = registry.idOf(topic + "-value", record.getSchema());
        byte[] avroBody = avroBinary(record);
        assertThat(frame[0]).as("magic byte").isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(frame, 1, 4).getInt()).as("schema id").isEqualTo(registeredId);
        assertThat(Arrays.copyOfRange(frame, 5, frame.length)).as("Avro binary body").isEqualTo(avroBody);
        assertThat(frame).hasSize(5 + avroBody.length);

        StackClients.produce(stack, topic, List.of(frame));
        List<byte[]> read = StackClients.consume(stack, topic, 1);
        assertThat(read).hasSize(1);
        assertThat(serde.deserializer().deserialize(topic, read.get(0))).isEqualTo(record);
    }

    @Test
    void shouldGiveTheSameIdWhenTheSameSchemaIsRegisteredAgain() throws Exception {
        String topic = StackClients.newTopic(stack, "serde-id-it");
        var serde = AvroSerde.specific(RawArticle.class, Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        byte[] first = serde.serializer().serialize(topic, SampleRecords.raw());
        var otherSerde = AvroSerde.specific(RawArticle.class, Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        byte[] second = otherSerde.serializer().serialize(topic, SampleRecords.raw());
        assertThat(second).isEqualTo(first);
        assertThat(registry.latest(topic + "-value").version()).isEqualTo(1);
    }

    @Test
    void shouldReadARecordWrittenWithV2WithTheV1ClassAndTheOtherWayRound() throws Exception {
        String topic = StackClients.newTopic(stack, "evolution-it");
        Map<String, String> config = Map.of("schema.registry.url", stack.schemaRegistryUrl());
        Schema v2 = rawArticleWithSection();
        GenericRecord v2Record = copyToV2(SampleRecords.raw(), v2, "world");

        var generic = AvroSerde.generic(null, v2);
        generic.configure(config, false);
        byte[] writtenWithV2 = generic.serializer().serialize(topic, v2Record);
        var specific = AvroSerde.specific(RawArticle.class, config, false);
        byte[] writtenWithV1 = specific.serializer().serialize(topic, SampleRecords.raw());

        StackClients.produce(stack, topic, List.of(writtenWithV2, writtenWithV1));
        List<byte[]> read = StackClients.consume(stack, topic, 2);

        assertThat(registry.latest(topic + "-value").version()).isEqualTo(2);
        assertThat(specific.deserializer().deserialize(topic, read.get(0))).as("v2 record read as v1").isEqualTo(SampleRecords.raw());
        GenericRecord v1ReadAsV2 = generic.deserializer().deserialize(topic, read.get(1));
        assertThat(v1ReadAsV2.get("section")).as("new field takes its default").isNull();
        assertThat(v1ReadAsV2.get("title").toString()).isEqualTo("Leaders meet on climate");
        assertThat(v1ReadAsV2.get("publishedAt")).isEqualTo(SampleRecords.PUBLISHED.toEpochMilli());
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithTheRegistrysReason() throws Exception {
        String topic = StackClients.newTopic(stack, "incompatible-it");
        Map<String, String> config = Map.of("schema.registry.url", stack.schemaRegistryUrl());
        AvroSerde.specific(RawArticle.class, config, false).serializer().serialize(topic, SampleRecords.raw());

        Schema breaking = withNewRequiredField(RawArticle.getClassSchema());
        GenericRecord record = new GenericData.Record(breaking);
        copyFields(SampleRecords.raw(), record);
        record.put("wordCount", 12);
        var generic = AvroSerde.generic(null);
        generic.configure(config, false);

        assertThatThrownBy(() -> generic.serializer().serialize(topic, record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject " + topic + "-value")
                .hasMessageContaining("HTTP 409")
                .hasMessageContaining("wordCount");
        assertThatThrownBy(() -> registry.register(topic + "-value", breaking))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue());
        assertThat(registry.latest(topic + "-value").version()).isEqualTo(1);
    }

    @Test
    void shouldSayWhichSchemaIdIsUnknown() {
        var serde = AvroSerde.specific(RawArticle.class, Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        byte[] unknownId = {0, 0, 0x0f, 0x42, 0x3f, 2, 'a'};
        assertThatThrownBy(() -> serde.deserializer().deserialize("any-topic", unknownId))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id 999999")
                .hasMessageContaining(stack.schemaRegistryUrl());
    }

    private static byte[] avroBinary(SpecificRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** RawArticle v2: one new optional field, as the evolution rules allow. */
    private static Schema rawArticleWithSection() {
        String v1 = RawArticle.getClassSchema().toString();
        return new Schema.Parser().parse(v1.substring(0, v1.length() - 2)
                + ",{\"name\":\"section\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Newspaper section.\"}]}");
    }

    private static Schema withNewRequiredField(Schema schema) {
        String v1 = schema.toString();
        return new Schema.Parser().parse(v1.substring(0, v1.length() - 2) + ",{\"name\":\"wordCount\",\"type\":\"int\"}]}");
    }

    private static GenericRecord copyToV2(RawArticle raw, Schema v2, String section) {
        GenericRecord record = new GenericData.Record(v2);
        copyFields(raw, record);
        record.put("section", section);
        return record;
    }

    /** Copies fields into a GenericRecord, where timestamps are plain longs (no logical-type conversion). */
    private static void copyFields(RawArticle raw, GenericRecord record) {
        for (Schema.Field f : RawArticle.getClassSchema().getFields()) {
            Object value = raw.get(f.name());
            record.put(f.name(), value instanceof java.time.Instant instant ? instant.toEpochMilli() : value);
        }
    }
}
