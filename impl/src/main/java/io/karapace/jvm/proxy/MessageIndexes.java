package io.karapace.jvm.proxy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The message-index list Confluent puts before a Protobuf payload: a zigzag varint count, then that many
 * zigzag varint indexes (top-level message, then nested ones); a count of 0 stands for {@code [0]}.
 */
final class MessageIndexes {
    private MessageIndexes() {
    }

    /** The message type the list at the buffer's position names; leaves the buffer at the payload. */
    static Descriptor read(ByteBuffer buffer, FileDescriptor file) {
        int count = zigzagVarint(buffer);
        if (count < 0 || count > buffer.remaining()) {
            throw new IllegalArgumentException("invalid message-index count " + count);
        }
        if (count == 0) {
            return pick(file.getMessageTypes(), 0);
        }
        Descriptor message = pick(file.getMessageTypes(), zigzagVarint(buffer));
        for (int i = 1; i < count; i++) {
            message = pick(message.getNestedTypes(), zigzagVarint(buffer));
        }
        return message;
    }

    private static Descriptor pick(List<Descriptor> messages, int index) {
        if (index < 0 || index >= messages.size()) {
            throw new IllegalArgumentException("no message at index " + index + " of the schema");
        }
        return messages.get(index);
    }

    private static int zigzagVarint(ByteBuffer buffer) {
        int raw = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new IllegalArgumentException("truncated message-index list");
            }
            byte b = buffer.get();
            raw |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IllegalArgumentException("message-index varint too long");
    }
}
