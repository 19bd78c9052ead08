package dev.newsflow.serde;

import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro: fetches the writer's schema by the id in the frame and resolves it to the reader's
 * schema (the generated class's, a given reader schema, or the writer's own for GenericRecord). Bad bytes raise a
 * {@link SerializationException} that says what was wrong with them.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private final Class<T> specificClass;
    private final Schema readerSchema;
    private boolean specificReader;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective construction: GenericRecords, or generated classes with {@code specific.avro.reader=true}. */
    public AvroDeserializer() {
        this(null, null, null);
    }

    /**
     * @param registry the registry client, or null to build one from {@code schema.registry.url} in {@link #configure}
     * @param specificClass the generated class to decode to, or null for GenericRecord
     * @param readerSchema the schema to read GenericRecords with, or null for the writer's schema
     */
    public AvroDeserializer(SchemaRegistryClient registry, Class<T> specificClass, Schema readerSchema) {
        this.registry = registry;
        this.specificClass = specificClass;
        this.readerSchema = readerSchema;
        this.specificReader = specificClass != null;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (specificClass == null) {
            specificReader = AvroSerdeConfig.from(configs).specificAvroReader();
        }
        if (registry == null) {
            registry = AvroSerdeConfig.registryClient(configs);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(data, topic);
        DatumReader<T> reader = readers.computeIfAbsent(id, i -> readerFor(topic, i));
        try {
            var decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Cannot deserialize a record of topic " + topic + " with schema id " + id
                        + ": trailing bytes after the Avro body (written with another schema?)");
            }
            return value;
        } catch (SerializationException e) {
            throw e;
        } catch (java.io.EOFException e) {
            throw new SerializationException("Cannot deserialize a record of topic " + topic + " with schema id " + id
                    + ": the Avro body is truncated (" + (data.length - WireFormat.HEADER_SIZE) + " bytes)", e);
        } catch (Exception e) {
            throw new SerializationException("Cannot deserialize a record of topic " + topic + " with schema id " + id
                    + ": the Avro body does not match the schema: " + e, e);
        }
    }

    private DatumReader<T> readerFor(String topic, int id) {
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            String what = e.isNotFound() ? "unknown schema id " + id : "cannot fetch schema id " + id;
            throw new SerializationException("Cannot deserialize a record of topic " + topic + ": " + what
                    + " in the registry at " + registry.describe() + ": " + e.getMessage(), e);
        }
        if (specificClass != null) {
            return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(specificClass));
        }
        if (specificReader) {
            Class<?> generated = SpecificData.get().getClass(writer);
            if (generated == null) {
                throw new SerializationException("Cannot deserialize a record of topic " + topic + ": specific.avro.reader=true"
                        + " but no generated class for " + writer.getFullName() + " is on the classpath");
            }
            return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(generated));
        }
        return new GenericDatumReader<>(writer, readerSchema != null ? readerSchema : writer);
    }
}
