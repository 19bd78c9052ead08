package dev.newsflow.serde;

import dev.newsflow.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka (Streams) {@link Serde} for Avro in the Confluent wire format: {@link #specific} for generated classes,
 * {@link #generic} for GenericRecord. Configure it with the same map as Confluent's serdes.
 */
public final class AvroSerde<T extends GenericContainer> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** A serde for a generated class; {@code registry} may be null to use {@code schema.registry.url}. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, SchemaRegistryClient registry) {
        return new AvroSerde<>(new AvroSerializer<>(registry), new AvroDeserializer<>(registry, type, null));
    }

    /** A serde for GenericRecords read with the writer's schema; {@code registry} may be null. */
    public static AvroSerde<GenericRecord> generic(SchemaRegistryClient registry) {
        return generic(registry, null);
    }

    /** A serde for GenericRecords read with {@code readerSchema}; {@code registry} may be null. */
    public static AvroSerde<GenericRecord> generic(SchemaRegistryClient registry, Schema readerSchema) {
        return new AvroSerde<>(new AvroSerializer<>(registry), new AvroDeserializer<>(registry, null, readerSchema));
    }

    /** A configured serde for a generated class, talking to the registry that {@code configs} names. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, Map<String, ?> configs, boolean isKey) {
        AvroSerde<T> serde = specific(type, AvroSerdeConfig.registryClient(configs));
        serde.configure(configs, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
