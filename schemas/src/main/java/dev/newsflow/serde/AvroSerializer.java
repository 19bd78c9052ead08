package dev.newsflow.serde;

import dev.newsflow.registry.SchemaRegistryClient;
import dev.newsflow.registry.SchemaRegistryException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
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

    /** One growing buffer per thread, reused: a record is copied once, into its frame, however large it is. */
    private static final ThreadLocal<FrameBuffer> BUFFERS = ThreadLocal.withInitial(FrameBuffer::new);

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
        FrameBuffer out = BUFFERS.get();
        out.reset();
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, out.encoder);
            out.encoder = encoder;
            writers.computeIfAbsent(schema, s -> writerFor(record, s)).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize a " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
        byte[] frame = out.toFrame();
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

    /** A growing byte buffer, not synchronised, that starts each record after room for the wire-format header. */
    private static final class FrameBuffer extends OutputStream {
        private byte[] buf = new byte[8192];
        private int count;
        BinaryEncoder encoder;

        void reset() {
            count = WireFormat.HEADER_SIZE;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ensure(length);
            System.arraycopy(bytes, offset, buf, count, length);
            count += length;
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }

        byte[] toFrame() {
            byte[] frame = Arrays.copyOf(buf, count);
            if (buf.length > 1 << 20) {
                buf = new byte[8192]; // do not hold on to the memory of one huge record
            }
            return frame;
        }
    }
}
