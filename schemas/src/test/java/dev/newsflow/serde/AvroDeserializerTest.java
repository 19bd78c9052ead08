package dev.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.avro.RawArticle;
import dev.newsflow.registry.InMemorySchemaRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroDeserializerTest {

    private static final String TOPIC = "news.articles.raw";

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.class, registry);

    AvroDeserializerTest() {
        serde.configure(Map.of("schema.registry.url", "http://unused:8081"), false);
    }

    @Test
    void shouldReadNullAsNull() {
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldSayAnEmptyValueIsTooShort() {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize a record of topic news.articles.raw: 0 bytes is too short for the Confluent"
                        + " wire format (magic byte 0 and a 4-byte schema id come first)");
    }

    @Test
    void shouldSayAValueShorterThanTheHeaderIsTooShort() {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes is too short");
    }

    @Test
    void shouldNameTheWrongMagicByte() {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, "{\"id\":1}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize a record of topic news.articles.raw: unknown magic byte 0x7b, expected 0x00"
                        + " (not written in the Confluent wire format)");
    }

    @Test
    void shouldNameTheUnknownSchemaId() {
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 0, 0, 42, 2, 'x'}))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot deserialize a record of topic news.articles.raw: unknown schema id 42 in the registry at in-memory registry");
    }

    @Test
    void shouldSayATruncatedBodyIsTruncated() {
        byte[] frame = serde.serializer().serialize(TOPIC, article());
        byte[] truncated = Arrays.copyOf(frame, frame.length - 10);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("with schema id 1")
                .hasMessageContaining("truncated");
    }

    @Test
    void shouldRejectBytesLeftOverAfterTheRecord() {
        byte[] frame = serde.serializer().serialize(TOPIC, article());
        byte[] padded = Arrays.copyOf(frame, frame.length + 3);
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, padded))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("trailing bytes");
    }

    @Test
    void shouldRejectGarbageAfterAValidHeaderWithoutAnyOtherException() {
        serde.serializer().serialize(TOPIC, article()); // registers schema id 1
        byte[] garbage = {0, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 1, 2};
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 1");
    }

    static RawArticle article() {
        return RawArticle.newBuilder()
                .setId("id-1")
                .setTitle("A title")
                .setBody("Some body text long enough to be cut.")
                .setFetchedAt(Instant.ofEpochMilli(1_641_196_800_000L))
                .build();
    }
}
