package io.karapace.jvm.proxy.v3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.proxy.AvroJson;
import io.karapace.jvm.proxy.NameStrategy;
import io.karapace.jvm.proxy.SchemaLookup;
import io.karapace.jvm.proxy.WireFormat;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.avro.AvroParsedSchema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Turns a v3 key or value into the bytes written to Kafka: BINARY is base64 text decoded, JSON is
 * written as UTF-8 JSON, STRING is the text as UTF-8, AVRO is Avro JSON encoded with a registry
 * schema and framed with its id. JSONSCHEMA and PROTOBUF data are refused with 400 until the proxy
 * has encoders for them. Without a type, data with schema information is AVRO, other data BINARY.
 */
final class DataEncoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaLookup schemas;
    private final NameStrategy defaultStrategy;

    DataEncoder(SchemaLookup schemas, NameStrategy defaultStrategy) {
        this.schemas = schemas;
        this.defaultStrategy = defaultStrategy;
    }

    /** The encoded data; null bytes when the data are absent or null. */
    Encoded encode(String topic, boolean isKey, ProduceCommand.Data data) {
        String type = type(data);
        JsonNode node = data.data();
        boolean isNull = node == null || node.isNull() || node.isMissingNode();
        return switch (type) {
            case "BINARY" -> plain(type, isNull ? null : base64(node));
            case "JSON" -> plain(type, isNull ? null : json(node));
            case "STRING" -> plain(type, isNull ? null : text(node).getBytes(StandardCharsets.UTF_8));
            case "AVRO" -> avro(topic, isKey, data, isNull);
            case "JSONSCHEMA", "PROTOBUF" -> throw V3Exception.badRequest("The " + type
                    + " type is not supported yet by this server's v3 produce");
            default -> throw V3Exception.badRequest("Unknown type " + data.type()
                    + ": expected BINARY, JSON, STRING, AVRO, JSONSCHEMA or PROTOBUF");
        };
    }

    /** Bytes to write and what the answer says about them. */
    record Encoded(byte[] bytes, ProduceOutcome.Side side) {
    }

    private static String type(ProduceCommand.Data data) {
        if (data.type() != null) {
            return data.type().trim().toUpperCase(Locale.ROOT);
        }
        boolean hasSchema = data.schemaId() != null || data.schema() != null || data.schemaVersion() != null;
        return hasSchema ? "AVRO" : "BINARY";
    }

    private static Encoded plain(String type, byte[] bytes) {
        return new Encoded(bytes, new ProduceOutcome.Side(type, bytes == null ? 0 : bytes.length, null, null));
    }

    private Encoded avro(String topic, boolean isKey, ProduceCommand.Data data, boolean isNull) {
        if (data.schemaVersion() != null && data.schemaId() == null && data.schema() == null) {
            throw V3Exception.badRequest("schema_version is not supported yet: give schema_id or schema");
        }
        if (data.schemaId() == null && data.schema() == null) {
            throw V3Exception.badRequest("AVRO data need a schema_id or a schema");
        }
        String subject = data.subject();
        int id;
        if (data.schemaId() != null) {
            id = data.schemaId();
        } else {
            subject = subject != null ? subject : subject(topic, isKey, data);
            id = schemas.register(subject, SchemaType.AVRO, data.schema());
        }
        ParsedSchema schema = schemas.schemaById(id);
        if (!(schema instanceof AvroParsedSchema avro)) {
            throw V3Exception.badRequest("Schema " + id + " is a " + schema.type() + " schema, not AVRO");
        }
        byte[] bytes = isNull ? null : WireFormat.frame(id, AvroJson.toBinary(data.data(), avro.avroSchema()));
        return new Encoded(bytes, new ProduceOutcome.Side("AVRO", bytes == null ? 0 : bytes.length, subject, id));
    }

    private String subject(String topic, boolean isKey, ProduceCommand.Data data) {
        NameStrategy strategy = defaultStrategy;
        if (data.subjectNameStrategy() != null) {
            strategy = NameStrategy.parse(data.subjectNameStrategy()).orElseThrow(() -> V3Exception.badRequest(
                    "Unknown subject_name_strategy " + data.subjectNameStrategy()
                            + ": expected TOPIC_NAME, RECORD_NAME or TOPIC_RECORD_NAME"));
        }
        String recordName = strategy.needsRecordName() ? avroRecordName(data.schema()) : null;
        return strategy.subject(topic, isKey, recordName);
    }

    private static String avroRecordName(String schemaText) {
        try {
            return new Schema.Parser().parse(schemaText).getFullName();
        } catch (SchemaParseException e) {
            throw V3Exception.badRequest("Invalid schema: " + e.getMessage());
        }
    }

    private static byte[] base64(JsonNode node) {
        try {
            return Base64.getDecoder().decode(text(node));
        } catch (IllegalArgumentException e) {
            throw V3Exception.badRequest("BINARY data must be base64 text: " + e.getMessage());
        }
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw V3Exception.badRequest("Expected a JSON string as data, got " + node.getNodeType());
        }
        return node.textValue();
    }

    private static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree cannot be written: " + e.getMessage(), e);
        }
    }
}
