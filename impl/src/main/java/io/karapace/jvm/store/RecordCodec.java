package io.karapace.jvm.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the JSON records of the schemas topic in Confluent's format. Reading is lenient
 * (any property order, unknown properties, Karapace's and Redpanda's variants); writing reproduces
 * the bytes Confluent Schema Registry writes. Stateless and thread-safe.
 */
public final class RecordCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCHEMA_KEY_MAGIC = 1;
    private static final int OTHER_KEY_MAGIC = 0;

    /**
     * Decodes one record. A tombstone (null {@link LogRecord#value()}) is a null value as Confluent
     * writes it, an empty one as Karapace writes it, or a JSON {@code null}.
     *
     * @throws MalformedRecordException when the key or value cannot be understood
     */
    public LogRecord decode(byte[] key, byte[] value, long offset) throws MalformedRecordException {
        LogKey logKey = decodeKey(key, offset);
        boolean noValue = value == null || value.length == 0 || logKey instanceof LogKey.Noop;
        LogValue logValue = noValue ? null : decodeValue(logKey, value, offset);
        return new LogRecord(logKey, logValue, key, offset);
    }

    /** The key in Confluent's exact property order, compact. */
    public byte[] encodeKey(LogKey key) {
        return write(keyNode(key));
    }

    /** The value as Confluent writes it, or null (a tombstone) for a null value. */
    public byte[] encodeValue(LogValue value) {
        return value == null ? null : write(valueNode(value));
    }

    private static ObjectNode keyNode(LogKey key) {
        ObjectNode node = JSON.createObjectNode();
        if (key instanceof LogKey.Schema k) {
            return node.put("keytype", "SCHEMA").put("subject", k.subject()).put("version", k.version())
                    .put("magic", SCHEMA_KEY_MAGIC);
        }
        if (key instanceof LogKey.Config k) {
            putSubjectIfScoped(node.put("keytype", "CONFIG"), k.subject());
        } else if (key instanceof LogKey.Mode k) {
            putSubjectIfScoped(node.put("keytype", "MODE"), k.subject());
        } else if (key instanceof LogKey.DeleteSubject k) {
            node.put("keytype", "DELETE_SUBJECT").put("subject", k.subject());
        } else if (key instanceof LogKey.ClearSubject k) {
            node.put("keytype", "CLEAR_SUBJECT").put("subject", k.subject());
        } else if (key instanceof LogKey.Context k) {
            node.put("keytype", "CONTEXT").put("tenant", k.tenant()).put("context", k.context());
        } else {
            node.put("keytype", "NOOP");
        }
        return node.put("magic", OTHER_KEY_MAGIC);
    }

    private static JsonNode valueNode(LogValue value) {
        if (value instanceof LogValue.Schema v) {
            return schemaValue(v);
        }
        if (value instanceof LogValue.Config v) {
            return v.fields();
        }
        ObjectNode node = JSON.createObjectNode();
        if (value instanceof LogValue.Mode v) {
            return putSubjectIfScoped(node, v.subject()).put("mode", v.mode());
        }
        if (value instanceof LogValue.DeleteSubject v) {
            return node.put("subject", v.subject()).put("version", v.version());
        }
        if (value instanceof LogValue.ClearSubject v) {
            return node.put("subject", v.subject());
        }
        LogValue.Context v = (LogValue.Context) value;
        return node.put("tenant", v.tenant()).put("context", v.context());
    }

    private static ObjectNode schemaValue(LogValue.Schema v) {
        ObjectNode node = JSON.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.id());
        if (v.schemaType() != null && v.schemaType() != SchemaType.AVRO) {
            node.put("schemaType", v.schemaType().name());
        }
        if (v.references() != null && !v.references().isEmpty()) {
            ArrayNode references = node.putArray("references");
            v.references().forEach(r -> references.addObject()
                    .put("name", r.name()).put("subject", r.subject()).put("version", r.version()));
        }
        if (v.metadata() != null) {
            node.set("metadata", v.metadata());
        }
        if (v.ruleSet() != null) {
            node.set("ruleSet", v.ruleSet());
        }
        return node.put("schema", v.schema()).put("deleted", v.deleted());
    }

    private static ObjectNode putSubjectIfScoped(ObjectNode node, String subject) {
        return subject == null ? node : node.put("subject", subject);
    }

    private static LogKey decodeKey(byte[] bytes, long offset) throws MalformedRecordException {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedRecordException("Record at offset " + offset + " has no key");
        }
        Fields key = new Fields(asObject(parse(bytes, "key", offset), "key", offset), "key", offset);
        String keytype = key.requiredText("keytype");
        return switch (keytype) {
            case "SCHEMA" -> new LogKey.Schema(key.requiredText("subject"), key.requiredInt("version"));
            case "CONFIG" -> new LogKey.Config(key.optionalText("subject"));
            case "MODE" -> new LogKey.Mode(key.optionalText("subject"));
            case "DELETE_SUBJECT" -> new LogKey.DeleteSubject(key.requiredText("subject"));
            case "CLEAR_SUBJECT" -> new LogKey.ClearSubject(key.requiredText("subject"));
            case "CONTEXT" -> new LogKey.Context(key.requiredText("tenant"), key.requiredText("context"));
            case "NOOP" -> new LogKey.Noop();
            default -> throw new MalformedRecordException(
                    "Record at offset " + offset + " has an unknown keytype '" + keytype + "'");
        };
    }

    private static LogValue decodeValue(LogKey key, byte[] bytes, long offset) throws MalformedRecordException {
        JsonNode parsed = parse(bytes, "value", offset);
        if (parsed.isNull()) {
            return null;
        }
        ObjectNode object = asObject(parsed, "value", offset);
        Fields value = new Fields(object, "value", offset);
        if (key instanceof LogKey.Schema) {
            return new LogValue.Schema(
                    value.requiredText("subject"), value.requiredInt("version"), value.requiredInt("id"),
                    value.schemaType(), value.references(), value.optionalObject("metadata"),
                    value.optionalObject("ruleSet"), value.requiredText("schema"), value.optionalBoolean("deleted"));
        }
        if (key instanceof LogKey.Config) {
            return new LogValue.Config(object);
        }
        if (key instanceof LogKey.Mode k) {
            return new LogValue.Mode(value.textOr("subject", k.subject()), value.requiredText("mode"));
        }
        if (key instanceof LogKey.DeleteSubject k) {
            return new LogValue.DeleteSubject(value.textOr("subject", k.subject()), value.requiredInt("version"));
        }
        if (key instanceof LogKey.ClearSubject k) {
            return new LogValue.ClearSubject(value.textOr("subject", k.subject()));
        }
        LogKey.Context k = (LogKey.Context) key;
        return new LogValue.Context(value.textOr("tenant", k.tenant()), value.textOr("context", k.context()));
    }

    private static JsonNode parse(byte[] bytes, String part, long offset) throws MalformedRecordException {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedRecordException("Record at offset " + offset + " has a " + part + " that is not JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private static ObjectNode asObject(JsonNode node, String part, long offset) throws MalformedRecordException {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new MalformedRecordException("Record at offset " + offset + " has a " + part + " that is not a JSON object");
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /** Typed access to the properties of a key or value, failing with the record's offset. */
    private record Fields(ObjectNode node, String part, long offset) {

        String requiredText(String name) throws MalformedRecordException {
            String text = optionalText(name);
            if (text == null) {
                throw missing(name, "a string");
            }
            return text;
        }

        String optionalText(String name) throws MalformedRecordException {
            JsonNode field = node.get(name);
            if (field == null || field.isNull()) {
                return null;
            }
            if (!field.isTextual()) {
                throw missing(name, "a string");
            }
            return field.textValue();
        }

        String textOr(String name, String fallback) throws MalformedRecordException {
            String text = optionalText(name);
            return text == null ? fallback : text;
        }

        int requiredInt(String name) throws MalformedRecordException {
            JsonNode field = node.get(name);
            if (field == null || !field.isIntegralNumber() || !field.canConvertToInt()) {
                throw missing(name, "an integer");
            }
            return field.intValue();
        }

        boolean optionalBoolean(String name) throws MalformedRecordException {
            JsonNode field = node.get(name);
            if (field == null || field.isNull()) {
                return false;
            }
            if (!field.isBoolean()) {
                throw missing(name, "a boolean");
            }
            return field.booleanValue();
        }

        ObjectNode optionalObject(String name) throws MalformedRecordException {
            JsonNode field = node.get(name);
            if (field == null || field.isNull()) {
                return null;
            }
            if (field instanceof ObjectNode object) {
                return object;
            }
            throw missing(name, "an object");
        }

        SchemaType schemaType() throws MalformedRecordException {
            String name = optionalText("schemaType");
            return SchemaType.parse(name).orElseThrow(() -> new MalformedRecordException(
                    "Record at offset " + offset + " has an unknown schemaType '" + name + "'"));
        }

        List<SchemaReference> references() throws MalformedRecordException {
            JsonNode field = node.get("references");
            if (field == null || field.isNull()) {
                return List.of();
            }
            if (!field.isArray()) {
                throw missing("references", "an array");
            }
            List<SchemaReference> references = new ArrayList<>();
            for (JsonNode element : field) {
                if (!(element instanceof ObjectNode object)) {
                    throw missing("references", "an array of objects");
                }
                Fields reference = new Fields(object, part + " reference", offset);
                references.add(new SchemaReference(reference.requiredText("name"), reference.requiredText("subject"),
                        reference.requiredInt("version")));
            }
            return List.copyOf(references);
        }

        private MalformedRecordException missing(String name, String expected) {
            return new MalformedRecordException(
                    "Record at offset " + offset + " has a " + part + " whose '" + name + "' is not " + expected);
        }
    }
}
