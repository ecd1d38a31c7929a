package io.karapace.jvm.proxy;

import java.nio.ByteBuffer;

/**
 * Confluent's framing of schema-encoded Kafka data: a zero magic byte, the schema id as four
 * big-endian bytes, then the payload.
 */
public final class WireFormat {
    public static final byte MAGIC = 0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    public static byte[] frame(int schemaId, byte[] payload) {
        return ByteBuffer.allocate(HEADER_LENGTH + payload.length)
                .put(MAGIC).putInt(schemaId).put(payload).array();
    }

    /** Whether the bytes start with the magic byte and are long enough to hold a schema id. */
    public static boolean isFramed(byte[] data) {
        return data != null && data.length >= HEADER_LENGTH && data[0] == MAGIC;
    }

    /** The schema id of framed data; check {@link #isFramed} first. */
    public static int schemaId(byte[] framed) {
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }

    /** The payload of framed data, after the header. */
    public static byte[] payload(byte[] framed) {
        byte[] payload = new byte[framed.length - HEADER_LENGTH];
        System.arraycopy(framed, HEADER_LENGTH, payload, 0, payload.length);
        return payload;
    }
}
