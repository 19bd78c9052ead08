package dev.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.registry.InMemorySchemaRegistry;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {

    private static final String TOPIC = "news.articles.raw";
    private static final Map<String, String> REGISTRY = Map.of("schema.registry.url", "http://unused:8081");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void shouldWriteMagicByteThenTheBigEndianIdThenTheAvroBody() {
        registry.register("other-value", org.apache.avro.SchemaBuilder.builder().stringType()); // id 1
        AvroSerde<RawArticle> serde = configured(REGISTRY);
        byte[] frame = serde.serializer().serialize(TOPIC, AvroDeserializerTest.article());

        assertThat(Arrays.copyOf(frame, 5)).containsExactly(0, 0, 0, 0, 2);
        // id-1 (len 4), url null, source null, title "A title", body (37 chars), contentType "text/plain" ...
        assertThat(frame[5]).as("zig-zag length of \"id-1\"").isEqualTo((byte) 8);
        assertThat(new String(frame, 6, 4)).isEqualTo("id-1");
        assertThat(registry.latest(TOPIC + "-value").id()).isEqualTo(2);
    }

    @Test
    void shouldRegisterUnderTheKeySubjectForKeys() {
        AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.class, registry);
        serde.configure(REGISTRY, true);
        serde.serializer().serialize(TOPIC, AvroDeserializerTest.article());
        assertThat(registry.latest(TOPIC + "-key").version()).isEqualTo(1);
    }

    @Test
    void shouldWriteNullAsATombstone() {
        assertThat(configured(REGISTRY).serializer().serialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldNotRegisterWhenAutoRegisterIsOffAndSaySo() {
        AvroSerde<RawArticle> serde = configured(Map.of("schema.registry.url", "http://unused:8081", "auto.register.schemas", "false"));
        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, AvroDeserializerTest.article()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("under subject news.articles.raw-value")
                .hasMessageContaining("auto.register.schemas=false");
    }

    @Test
    void shouldUseTheLatestRegisteredIdWhenAskedTo() {
        int id = registry.register(TOPIC + "-value", RawArticle.getClassSchema());
        AvroSerde<RawArticle> serde = configured(Map.of("schema.registry.url", "http://unused:8081",
                "auto.register.schemas", "false", "use.latest.version", "true"));
        byte[] frame = serde.serializer().serialize(TOPIC, AvroDeserializerTest.article());
        assertThat(frame[4]).isEqualTo((byte) id);
        assertThat(serde.deserializer().deserialize(TOPIC, frame)).isEqualTo(AvroDeserializerTest.article());
    }

    @Test
    void shouldRefuseSubjectStrategiesOtherThanTopicName() {
        assertThatThrownBy(() -> configured(Map.of("schema.registry.url", "http://unused:8081",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TopicNameStrategy");
    }

    @Test
    void shouldRefuseAConfigWithoutARegistryUrl() {
        assertThatThrownBy(() -> AvroSerde.specific(RawArticle.class, Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    private AvroSerde<RawArticle> configured(Map<String, String> config) {
        AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.class, registry);
        serde.configure(config, false);
        return serde;
    }
}
