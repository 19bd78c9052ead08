package dev.newsflow.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the Avro binary body.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the 5-byte header at the start of {@code frame}. */
    static void writeHeader(byte[] frame, int schemaId) {
        frame[0] = MAGIC_BYTE;
        frame[1] = (byte) (schemaId >>> 24);
        frame[2] = (byte) (schemaId >>> 16);
        frame[3] = (byte) (schemaId >>> 8);
        frame[4] = (byte) schemaId;
    }

    /** The schema id in {@code frame}'s header, after checking that it is a Confluent frame at all. */
    public static int schemaId(byte[] frame, String topic) {
        if (frame.length < HEADER_SIZE) {
            throw new SerializationException("Cannot deserialize a record of topic " + topic + ": " + frame.length
                    + " bytes is too short for the Confluent wire format (magic byte 0 and a 4-byte schema id come first)");
        }
        if (frame[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format("Cannot deserialize a record of topic %s: unknown magic byte 0x%02x,"
                    + " expected 0x00 (not written in the Confluent wire format)", topic, frame[0]));
        }
        return ((frame[1] & 0xff) << 24) | ((frame[2] & 0xff) << 16) | ((frame[3] & 0xff) << 8) | (frame[4] & 0xff);
    }
}
