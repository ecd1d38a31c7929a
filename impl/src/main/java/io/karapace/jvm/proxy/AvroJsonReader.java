package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;

/**
 * Reads Avro binary straight into the tree Avro's own JSON encoder would write: unions as
 * {@code {"branch": value}}, bytes and fixed as ISO-8859-1 text, NaN and infinities as strings. Avro's
 * encoder builds a grammar and a JSON factory for every record; this reads with the schema alone.
 */
final class AvroJsonReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Decoder in;

    AvroJsonReader(Decoder in) {
        this.in = in;
    }

    JsonNode read(Schema schema) throws IOException {
        return switch (schema.getType()) {
            case NULL -> {
                in.readNull();
                yield NullNode.getInstance();
            }
            case BOOLEAN -> BooleanNode.valueOf(in.readBoolean());
            case INT -> IntNode.valueOf(in.readInt());
            case LONG -> integral(in.readLong());
            case FLOAT -> floating(in.readFloat());
            case DOUBLE -> floating(in.readDouble());
            case STRING -> TextNode.valueOf(in.readString());
            case BYTES -> text(bytes(in.readBytes(null)));
            case FIXED -> {
                byte[] fixed = new byte[schema.getFixedSize()];
                in.readFixed(fixed);
                yield text(fixed);
            }
            case ENUM -> TextNode.valueOf(schema.getEnumSymbols().get(index(in.readEnum(), schema.getEnumSymbols().size(),
                    "enum " + schema.getFullName())));
            case ARRAY -> readArray(schema.getElementType());
            case MAP -> readMap(schema.getValueType());
            case RECORD -> readRecord(schema);
            case UNION -> readUnion(schema);
        };
    }

    private ArrayNode readArray(Schema items) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (long count = in.readArrayStart(); count != 0; count = in.arrayNext()) {
            for (long i = 0; i < count; i++) {
                array.add(read(items));
            }
        }
        return array;
    }

    private ObjectNode readMap(Schema values) throws IOException {
        ObjectNode map = NODES.objectNode();
        for (long count = in.readMapStart(); count != 0; count = in.mapNext()) {
            for (long i = 0; i < count; i++) {
                String key = in.readString();
                map.set(key, read(values));
            }
        }
        return map;
    }

    private ObjectNode readRecord(Schema schema) throws IOException {
        ObjectNode record = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
            record.set(field.name(), read(field.schema()));
        }
        return record;
    }

    private JsonNode readUnion(Schema schema) throws IOException {
        Schema branch = schema.getTypes().get(index(in.readIndex(), schema.getTypes().size(), "union"));
        if (branch.getType() == Schema.Type.NULL) {
            return NullNode.getInstance();
        }
        ObjectNode wrapped = NODES.objectNode();
        wrapped.set(branch.getFullName(), read(branch));
        return wrapped;
    }

    /** As a JSON parser reads the number back: an int when it fits. */
    private static JsonNode integral(long value) {
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }

    /** A float as its shortest decimal (0.1, not 0.10000000149011612); JSON has no NaN or infinities. */
    private static JsonNode floating(float value) {
        return Float.isFinite(value) ? DoubleNode.valueOf(Double.parseDouble(Float.toString(value)))
                : TextNode.valueOf(Float.toString(value));
    }

    private static JsonNode floating(double value) {
        return Double.isFinite(value) ? DoubleNode.valueOf(value) : TextNode.valueOf(Double.toString(value));
    }

    private static TextNode text(byte[] bytes) {
        return TextNode.valueOf(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static int index(int index, int size, String of) {
        if (index < 0 || index >= size) {
            throw new AvroTypeException("index " + index + " out of range of " + of);
        }
        return index;
    }
}
