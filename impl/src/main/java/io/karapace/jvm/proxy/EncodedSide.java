package io.karapace.jvm.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.avro.AvroParsedSchema;
import io.karapace.jvm.schema.json.JsonParsedSchema;
import io.karapace.jvm.schema.protobuf.ProtobufParsedSchema;
import java.util.Base64;
import java.util.List;

/**
 * How the keys (or the values) of one produce request become bytes: base64 text decoded, JSON
 * written as UTF-8, or data checked against a registered schema, encoded and framed with its id
 * (Confluent's wire format). Null data is always written as a null key or value, whatever the format.
 */
public final class EncodedSide {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Message indexes of a Protobuf payload: the first message of the schema is the single byte 0. */
    private static final byte[] FIRST_MESSAGE = {0};

    private final EmbeddedFormat format;
    private final Integer schemaId;
    private final ParsedSchema schema;

    private EncodedSide(EmbeddedFormat format, Integer schemaId, ParsedSchema schema) {
        this.format = format;
        this.schemaId = schemaId;
        this.schema = schema;
    }

    /** A side needing no schema: binary, json, or a schema format whose data are all null. */
    public static EncodedSide schemaless(EmbeddedFormat format) {
        return new EncodedSide(format, null, null);
    }

    /** A side of a schema format; 42205 when the schema is of another language than the format. */
    public static EncodedSide withSchema(EmbeddedFormat format, int schemaId, ParsedSchema schema) {
        boolean fits = switch (format) {
            case AVRO -> schema instanceof AvroParsedSchema;
            case JSONSCHEMA -> schema instanceof JsonParsedSchema;
            case PROTOBUF -> schema instanceof ProtobufParsedSchema protobuf && protobuf.firstMessage().isPresent();
            case BINARY, JSON -> false;
        };
        if (!fits) {
            throw ProxyError.INVALID_SCHEMA.exception("schema " + schemaId + " is a " + schema.type()
                    + " schema, which the " + format.name().toLowerCase(java.util.Locale.ROOT) + " format cannot use");
        }
        return new EncodedSide(format, schemaId, schema);
    }

    /** The id of the schema this side's data are written with, or null. */
    public Integer schemaId() {
        return schemaId;
    }

    /** The bytes to write; null for null data. */
    public byte[] encode(JsonNode data) {
        if (isNull(data)) {
            return null;
        }
        return switch (format) {
            case BINARY -> base64(data);
            case JSON -> json(data);
            case AVRO -> WireFormat.frame(schemaId, AvroJson.toBinary(data, ((AvroParsedSchema) schema).avroSchema()));
            case JSONSCHEMA -> WireFormat.frame(schemaId, validJson(data));
            case PROTOBUF -> WireFormat.frame(schemaId, concat(FIRST_MESSAGE, ProtobufJson.toBinary(data,
                    ((ProtobufParsedSchema) schema).firstMessage().orElseThrow())));
        };
    }

    public static boolean isNull(JsonNode data) {
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

    private byte[] validJson(JsonNode data) {
        List<String> problems = ((JsonParsedSchema) schema).validate(data.toString());
        if (!problems.isEmpty()) {
            throw ProxyError.JSON_CONVERSION.exception(String.join("; ", problems));
        }
        return json(data);
    }

    private static byte[] json(JsonNode data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree cannot be written: " + e.getMessage(), e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
