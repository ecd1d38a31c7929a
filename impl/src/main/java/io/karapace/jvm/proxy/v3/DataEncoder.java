package io.karapace.jvm.proxy.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.karapace.jvm.proxy.EmbeddedFormat;
import io.karapace.jvm.proxy.EncodedSide;
import io.karapace.jvm.proxy.NameStrategy;
import io.karapace.jvm.proxy.SchemaLookup;
import io.karapace.jvm.proxy.SubjectNames;
import io.karapace.jvm.schema.ParsedSchema;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a v3 key or value into the bytes written to Kafka. STRING is the text as UTF-8; BINARY, JSON
 * and the schema types are encoded as v2 encodes them ({@link EncodedSide}), schema data framed with
 * the schema's id. The schema is found by {@code schema_id}; or registered from {@code schema} under
 * {@code subject} or the subject its name strategy derives; or read as {@code schema_version} (latest
 * when absent) of that subject. Without a type, data with a schema id or version take the schema's
 * language, data with a schema text are AVRO, other data BINARY.
 */
final class DataEncoder {
    private final SchemaLookup schemas;
    private final SubjectNames subjectNames;
    private final NameStrategy defaultStrategy;

    DataEncoder(SchemaLookup schemas, SubjectNames subjectNames, NameStrategy defaultStrategy) {
        this.schemas = schemas;
        this.subjectNames = subjectNames;
        this.defaultStrategy = defaultStrategy;
    }

    /** The encoded data; null bytes when the data are absent or null. */
    Encoded encode(String topic, boolean isKey, ProduceCommand.Data data) {
        if (data.type() == null) {
            boolean hasSchema = data.schemaId() != null || data.schema() != null || data.schemaVersion() != null;
            return hasSchema ? withSchema(topic, isKey, null, data) : plain(EmbeddedFormat.BINARY, data.data());
        }
        String type = data.type().trim().toUpperCase(Locale.ROOT);
        if (type.equals("STRING")) {
            byte[] bytes = EncodedSide.isNull(data.data()) ? null : text(data.data()).getBytes(StandardCharsets.UTF_8);
            return new Encoded(bytes, side(type, bytes, null, null));
        }
        EmbeddedFormat format = EmbeddedFormat.parse(type).orElseThrow(() -> V3Exception.badRequest("Unknown type "
                + data.type() + ": expected BINARY, JSON, STRING, AVRO, JSONSCHEMA or PROTOBUF"));
        return format.usesSchemaRegistry() ? withSchema(topic, isKey, format, data) : plain(format, data.data());
    }

    /** Bytes to write and what the answer says about them. */
    record Encoded(byte[] bytes, ProduceOutcome.Side side) {
    }

    private static Encoded plain(EmbeddedFormat format, JsonNode data) {
        byte[] bytes = EncodedSide.schemaless(format).encode(data);
        return new Encoded(bytes, side(format.name(), bytes, null, null));
    }

    /** {@code format} null: the schema's language decides. */
    private Encoded withSchema(String topic, boolean isKey, EmbeddedFormat format, ProduceCommand.Data data) {
        SubjectSchema found = find(topic, isKey, format == null ? EmbeddedFormat.AVRO : format, data);
        ParsedSchema schema = schemas.schemaById(found.id());
        EmbeddedFormat used = format != null ? format : EmbeddedFormat.of(schema.type());
        byte[] bytes = EncodedSide.withSchema(used, found.id(), schema).encode(data.data());
        return new Encoded(bytes, side(used.name(), bytes, found.subject(), found.id()));
    }

    private record SubjectSchema(String subject, int id) {
    }

    private SubjectSchema find(String topic, boolean isKey, EmbeddedFormat format, ProduceCommand.Data data) {
        if (data.schemaId() != null) {
            return new SubjectSchema(data.subject(), data.schemaId());
        }
        NameStrategy strategy = strategy(data);
        if (data.schema() != null) {
            String subject = data.subject() != null ? data.subject()
                    : subjectNames.subject(topic, isKey, strategy, format, data.schema());
            return new SubjectSchema(subject, schemas.register(subject, format.schemaType(), data.schema()));
        }
        if (data.subject() == null && strategy.needsRecordName()) {
            throw V3Exception.badRequest(format + " data without schema_id or schema need a subject, "
                    + "or the TOPIC_NAME subject_name_strategy");
        }
        String subject = data.subject() != null ? data.subject() : strategy.subject(topic, isKey, null);
        return new SubjectSchema(subject, schemas.idOfVersion(subject, data.schemaVersion()));
    }

    private NameStrategy strategy(ProduceCommand.Data data) {
        if (data.subjectNameStrategy() == null) {
            return defaultStrategy;
        }
        return NameStrategy.parse(data.subjectNameStrategy()).orElseThrow(() -> V3Exception.badRequest(
                "Unknown subject_name_strategy " + data.subjectNameStrategy()
                        + ": expected TOPIC_NAME, RECORD_NAME or TOPIC_RECORD_NAME"));
    }

    private static ProduceOutcome.Side side(String type, byte[] bytes, String subject, Integer schemaId) {
        return new ProduceOutcome.Side(type, bytes == null ? 0 : bytes.length, subject, schemaId);
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw V3Exception.badRequest("Expected a JSON string as data, got " + node.getNodeType());
        }
        return node.textValue();
    }
}
