package dev.newsflow.serde;

import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generated SpecificRecords or GenericRecords) in the Confluent wire format, registering or
 * looking up their schema under the TopicNameStrategy subject ({@code <topic>-value} or {@code <topic>-key}).
 * Output is byte for byte what Confluent's {@code KafkaAvroSerializer} writes.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction: {@link #configure} sets the registry from {@code schema.registry.url}. */
    public AvroSerializer() {
    }

    /** With a registry client of the caller's own, as in tests; {@link #configure} must still be called. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        if (registry == null) {
            registry = AvroSerdeConfig.registryClient(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null; // a tombstone stays a tombstone
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        Schema schema = record.getSchema();
        int id = schemaId(topic, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.write(new byte[WireFormat.HEADER_SIZE], 0, WireFormat.HEADER_SIZE);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, s -> writerFor(record, s)).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
        byte[] frame = out.toByteArray();
        WireFormat.writeHeader(frame, id);
        return frame;
    }

    private int schemaId(String topic, Schema schema) {
        String subject = Subjects.of(topic, isKey);
        try {
            if (config.autoRegisterSchemas()) {
                return registry.register(subject, schema);
            }
            if (config.useLatestVersion()) {
                var latest = registry.latest(subject);
                if (latest.schema().equals(schema)) {
                    return latest.id();
                }
            }
            return registry.idOf(subject, schema);
        } catch (SchemaRegistryException e) {
            String hint = e.isNotFound() ? " (auto.register.schemas=false: register the schema first)" : "";
            throw new SerializationException("Cannot get a schema id for " + schema.getFullName() + " under subject "
                    + subject + " from " + registry.describe() + ": " + e.getMessage() + hint, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(GenericContainer record, Schema schema) {
        return record instanceof SpecificRecord
                ? new SpecificDatumWriter<>(schema)
                : (DatumWriter<Object>) (DatumWriter<?>) new GenericDatumWriter<>(schema);
    }
}
