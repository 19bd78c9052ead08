package dev.newsflow.streams.count;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary serdes for the counting stage's internal topic and stores. They are internal (repartition and
 * changelog topics of this app), not a contract: the output topics carry Avro {@code WindowedCount}s.
 */
public final class CountSerdes {

    private CountSerdes() {
    }

    public static Serde<Mention> mention() {
        return Serdes.serdeFrom((topic, m) -> m == null ? null : write(out -> {
            out.writeUTF(m.articleId());
            out.writeInt(m.mentions());
            out.writeUTF(m.label());
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> new Mention(in.readUTF(), in.readInt(), in.readUTF())));
    }

    public static Serde<Tally> tally() {
        return Serdes.serdeFrom((topic, t) -> t == null ? null : write(out -> {
            out.writeLong(t.articles());
            out.writeLong(t.mentions());
            out.writeUTF(t.label());
        }), (topic, bytes) -> bytes == null ? null : read(bytes, in -> new Tally(in.readLong(), in.readLong(), in.readUTF())));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new SerializationException("Malformed count record of " + bytes.length + " bytes", e);
        }
    }
}
