package io.karapace.serdes;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing (API.md Part F, "Confluent wire format"; {@code AbstractKafkaSchemaSerDe}):
 * byte 0 is the magic byte 0, then the schema id as 4 bytes big-endian, then the payload.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** The five header bytes for a schema id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /** The data positioned after the header; a wrong magic byte or a short buffer is a {@link SerializationException}. */
    public static ByteBuffer open(byte[] data) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        if (data.length == 0 || buffer.get() != MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte!");
        }
        if (data.length < HEADER_LENGTH) {
            throw new SerializationException("Data of " + data.length + " bytes is too short for a schema id");
        }
        return buffer;
    }

    /** The schema id of data from {@link #open}, which moves past it. */
    public static int schemaId(ByteBuffer opened) {
        return opened.getInt();
    }
}
