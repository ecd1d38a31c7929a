package io.karapace.serdes.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The message indexes of Confluent's Protobuf wire format (API.md Part F, "Confluent wire format";
 * Confluent's {@code MessageIndexes}): the path from the file to the message, each index the message's
 * position among its siblings, written after the schema id as a count then each index, all zig-zag
 * varints; {@code [0]}, the file's first message, is written as the single byte 0 (count 0).
 */
public final class MessageIndexes {

    private MessageIndexes() {
    }

    /** The path of a message: the top-level index first, then each nested one. */
    public static List<Integer> of(Descriptor message) {
        List<Integer> path = new ArrayList<>();
        for (Descriptor d = message; d != null; d = d.getContainingType()) {
            path.add(0, d.getIndex());
        }
        return path;
    }

    public static byte[] encode(List<Integer> indexes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (indexes.equals(List.of(0))) {
            writeZigZag(0, out);
            return out.toByteArray();
        }
        writeZigZag(indexes.size(), out);
        indexes.forEach(i -> writeZigZag(i, out));
        return out.toByteArray();
    }

    /** Reads the indexes at the buffer's position, which moves past them. */
    public static List<Integer> read(ByteBuffer buffer) {
        int count = readZigZag(buffer);
        if (count == 0) {
            return List.of(0);
        }
        if (count < 0 || count > buffer.remaining()) {
            throw new SerializationException("Invalid message index count " + count);
        }
        List<Integer> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indexes.add(readZigZag(buffer));
        }
        return indexes;
    }

    /** The message at the indexes in a file. */
    public static Descriptor find(FileDescriptor file, List<Integer> indexes) {
        try {
            Descriptor message = file.getMessageTypes().get(indexes.get(0));
            for (int i = 1; i < indexes.size(); i++) {
                message = message.getNestedTypes().get(indexes.get(i));
            }
            return message;
        } catch (IndexOutOfBoundsException e) {
            throw new SerializationException("No message at indexes " + indexes + " in " + file.getName());
        }
    }

    private static void writeZigZag(int value, ByteArrayOutputStream out) {
        int v = (value << 1) ^ (value >> 31);
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int readZigZag(ByteBuffer buffer) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new SerializationException("Truncated message indexes");
            }
            byte b = buffer.get();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (v >>> 1) ^ -(v & 1);
            }
        }
        throw new SerializationException("Malformed varint in message indexes");
    }
}
