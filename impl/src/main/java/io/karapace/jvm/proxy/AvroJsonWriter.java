package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.Encoder;

/**
 * Writes a JSON tree in Avro's JSON encoding straight to an Avro encoder, accepting exactly what Avro's own
 * JSON decoder accepts (fields in any order, unknown fields ignored, whole floats as integers, "NaN" and
 * infinities as strings, unions as {@code {"branch": value}}) without its per-call grammar and parser.
 */
final class AvroJsonWriter {
    private final Encoder out;

    AvroJsonWriter(Encoder out) {
        this.out = out;
    }

    void write(Schema schema, JsonNode node) throws IOException {
        switch (schema.getType()) {
            case NULL -> expect(node.isNull(), "null", node);
            case BOOLEAN -> {
                expect(node.isBoolean(), "boolean", node);
                out.writeBoolean(node.booleanValue());
            }
            case INT -> out.writeInt((int) integral(node, "int", Integer.MIN_VALUE, Integer.MAX_VALUE));
            case LONG -> out.writeLong(integral(node, "long", Long.MIN_VALUE, Long.MAX_VALUE));
            case FLOAT -> out.writeFloat((float) floating(node, "float"));
            case DOUBLE -> out.writeDouble(floating(node, "double"));
            case STRING -> {
                expect(node.isTextual(), "string", node);
                out.writeString(node.textValue());
            }
            case BYTES -> {
                expect(node.isTextual(), "bytes", node);
                out.writeBytes(node.textValue().getBytes(StandardCharsets.ISO_8859_1));
            }
            case FIXED -> writeFixed(schema, node);
            case ENUM -> writeEnum(schema, node);
            case ARRAY -> writeArray(schema, node);
            case MAP -> writeMap(schema, node);
            case RECORD -> writeRecord(schema, node);
            case UNION -> writeUnion(schema, node);
        }
    }

    private void writeFixed(Schema schema, JsonNode node) throws IOException {
        expect(node.isTextual(), "fixed", node);
        byte[] bytes = node.textValue().getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length != schema.getFixedSize()) {
            throw refused("Expected fixed length " + schema.getFixedSize() + ", but got " + bytes.length);
        }
        out.writeFixed(bytes);
    }

    private void writeEnum(Schema schema, JsonNode node) throws IOException {
        expect(node.isTextual(), "enum", node);
        if (!schema.hasEnumSymbol(node.textValue())) {
            throw refused("Unknown symbol in enum " + node.textValue());
        }
        out.writeEnum(schema.getEnumOrdinal(node.textValue()));
    }

    private void writeArray(Schema schema, JsonNode node) throws IOException {
        expect(node.isArray(), "array-start", node);
        out.writeArrayStart();
        out.setItemCount(node.size());
        for (JsonNode item : node) {
            out.startItem();
            write(schema.getElementType(), item);
        }
        out.writeArrayEnd();
    }

    private void writeMap(Schema schema, JsonNode node) throws IOException {
        expect(node.isObject(), "map-start", node);
        out.writeMapStart();
        out.setItemCount(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            out.startItem();
            out.writeString(entry.getKey());
            write(schema.getValueType(), entry.getValue());
        }
        out.writeMapEnd();
    }

    private void writeRecord(Schema schema, JsonNode node) throws IOException {
        expect(node.isObject(), "record-start", node);
        for (Schema.Field field : schema.getFields()) {
            JsonNode value = node.get(field.name());
            if (value == null) {
                throw refused("Expected field name not found: " + field.name());
            }
            write(field.schema(), value);
        }
    }

    private void writeUnion(Schema schema, JsonNode node) throws IOException {
        String branch;
        JsonNode value;
        if (node.isNull()) {
            branch = "null";
            value = node;
        } else if (node.isObject() && node.size() > 0) {
            Map.Entry<String, JsonNode> first = node.fields().next();
            branch = first.getKey();
            value = first.getValue();
        } else {
            throw refused("Expected start-union. Got " + token(node));
        }
        Integer index = schema.getIndexNamed(branch);
        if (index == null) {
            throw refused("Unknown union branch " + branch);
        }
        out.writeIndex(index);
        write(schema.getTypes().get(index), value);
    }

    private static long integral(JsonNode node, String type, long min, long max) {
        boolean whole = node.isIntegralNumber()
                || node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue());
        expect(whole, type, node);
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw refused("Numeric value (" + node.asText() + ") out of range of " + type);
        }
        return node.longValue();
    }

    private static double floating(JsonNode node, String type) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw refused("Expected " + type + ". Got " + token(node));
    }

    private static void expect(boolean fits, String expected, JsonNode node) {
        if (!fits) {
            throw refused("Expected " + expected + ". Got " + token(node));
        }
    }

    private static String token(JsonNode node) {
        return node.asToken().name();
    }

    private static ProxyException refused(String reason) {
        return ProxyError.JSON_CONVERSION.exception(reason);
    }
}
