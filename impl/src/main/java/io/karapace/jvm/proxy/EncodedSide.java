package io.karapace.jvm.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import org.apache.avro.Schema;

/**
 * How the keys (or the values) of one produce request become bytes: base64 text decoded, JSON
 * written as UTF-8, or Avro JSON encoded with a registered schema and framed with its id. Null
 * data is always written as a null key or value, whatever the format.
 */
final class EncodedSide {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedFormat format;
    private final Integer schemaId;
    private final Schema avroSchema;

    private EncodedSide(EmbeddedFormat format, Integer schemaId, Schema avroSchema) {
        this.format = format;
        this.schemaId = schemaId;
        this.avroSchema = avroSchema;
    }

    /** A side needing no schema: binary, json, or a schema format whose data are all null. */
    static EncodedSide schemaless(EmbeddedFormat format) {
        return new EncodedSide(format, null, null);
    }

    static EncodedSide avro(int schemaId, Schema schema) {
        return new EncodedSide(EmbeddedFormat.AVRO, schemaId, schema);
    }

    /** The id of the schema this side's data are written with, or null. */
    Integer schemaId() {
        return schemaId;
    }

    byte[] encode(JsonNode data) {
        if (isNull(data)) {
            return null;
        }
        return switch (format) {
            case BINARY -> base64(data);
            case JSON -> json(data);
            case AVRO -> WireFormat.frame(schemaId, AvroJson.toBinary(data, avroSchema));
            case JSONSCHEMA, PROTOBUF -> throw new IllegalStateException(format + " data cannot be encoded yet");
        };
    }

    static boolean isNull(JsonNode data) {
        return data == null || data.isNull() || data.isMissingNode();
    }

    private static byte[] base64(JsonNode data) {
        String text = data.isTextual() ? data.textValue() : data.toString();
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ProxyError.BAD_REQUEST.exception("data=" + text + " is not a base64 string.");
        }
    }

    private static byte[] json(JsonNode data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree cannot be written: " + e.getMessage(), e);
        }
    }
}
