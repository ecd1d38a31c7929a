package io.karapace.jvm.schema.avro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Writes a schema the way Confluent normalizes Avro: a variant of Avro's Parsing Canonical Form that
 * keeps docs, aliases, defaults, logical types and custom properties. Named types carry their full
 * name and are defined at first use only, attributes come in a fixed order, and properties, aliases
 * and the keys of JSON objects in defaults are sorted, so equivalent spellings give one text.
 * Referenced types are written by name.
 */
final class AvroNormalizer {
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Set<String> definedNames = new HashSet<>();

    AvroNormalizer(Collection<Schema> referencedTypes) {
        referencedTypes.stream().filter(AvroNormalizer::isNamed).map(Schema::getFullName).forEach(definedNames::add);
    }

    String normalize(Schema schema) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCodec(MAPPER);
            write(schema, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private void write(Schema schema, JsonGenerator json) throws IOException {
        switch (schema.getType()) {
            case UNION -> {
                json.writeStartArray();
                for (Schema branch : schema.getTypes()) {
                    write(branch, json);
                }
                json.writeEndArray();
            }
            case ARRAY -> writeContainer(schema, "items", schema.getElementType(), json);
            case MAP -> writeContainer(schema, "values", schema.getValueType(), json);
            case RECORD, ENUM, FIXED -> writeNamed(schema, json);
            default -> writePrimitive(schema, json);
        }
    }

    private void writeContainer(Schema schema, String childKey, Schema child, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", schema.getType().getName());
        json.writeFieldName(childKey);
        write(child, json);
        writeProperties(schema.getObjectProps(), Set.of(), json);
        json.writeEndObject();
    }

    private void writeNamed(Schema schema, JsonGenerator json) throws IOException {
        String fullName = schema.getFullName();
        if (!definedNames.add(fullName)) {
            json.writeString(fullName);
            return;
        }
        json.writeStartObject();
        json.writeStringField("name", fullName);
        json.writeStringField("type", schema.getType().getName());
        Set<String> written = Set.of();
        switch (schema.getType()) {
            case ENUM -> writeStrings("symbols", schema.getEnumSymbols(), json);
            case FIXED -> {
                json.writeNumberField("size", schema.getFixedSize());
                written = writeLogicalType(schema.getLogicalType(), json);
            }
            default -> writeFields(schema, json);
        }
        if (schema.getDoc() != null && !schema.getDoc().isEmpty()) {
            json.writeStringField("doc", schema.getDoc());
        }
        writeAliases(schema.getAliases(), json);
        if (schema.getType() == Schema.Type.ENUM && schema.getEnumDefault() != null) {
            json.writeStringField("default", schema.getEnumDefault());
        }
        writeProperties(schema.getObjectProps(), written, json);
        json.writeEndObject();
    }

    private void writeFields(Schema record, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("fields");
        for (Schema.Field field : record.getFields()) {
            json.writeStartObject();
            json.writeStringField("name", field.name());
            json.writeFieldName("type");
            write(field.schema(), json);
            if (field.order() != Schema.Field.Order.ASCENDING) {
                json.writeStringField("order", field.order().name());
            }
            if (field.doc() != null) {
                json.writeStringField("doc", field.doc());
            }
            writeAliases(field.aliases(), json);
            // A default that lenient parsing kept but that does not fit the type has no value here; Confluent drops it too.
            Object defaultValue = field.hasDefaultValue() ? field.defaultVal() : null;
            if (defaultValue != null) {
                json.writeFieldName("default");
                json.writeTree(sortedJson(defaultValue));
            }
            writeProperties(field.getObjectProps(), Set.of(), json);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writePrimitive(Schema schema, JsonGenerator json) throws IOException {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType == null && !schema.hasProps()) {
            json.writeString(schema.getType().getName());
            return;
        }
        json.writeStartObject();
        json.writeStringField("type", schema.getType().getName());
        Set<String> written = writeLogicalType(logicalType, json);
        writeProperties(schema.getObjectProps(), written, json);
        json.writeEndObject();
    }

    /** Writes the logical type's attributes first and returns their names, so they are not repeated as properties. */
    private static Set<String> writeLogicalType(LogicalType logicalType, JsonGenerator json) throws IOException {
        if (logicalType == null) {
            return Set.of();
        }
        json.writeStringField(LogicalType.LOGICAL_TYPE_PROP, logicalType.getName());
        if (!(logicalType instanceof LogicalTypes.Decimal decimal)) {
            return Set.of(LogicalType.LOGICAL_TYPE_PROP);
        }
        json.writeNumberField("precision", decimal.getPrecision());
        if (decimal.getScale() == 0) {
            return Set.of(LogicalType.LOGICAL_TYPE_PROP, "precision");
        }
        json.writeNumberField("scale", decimal.getScale());
        return Set.of(LogicalType.LOGICAL_TYPE_PROP, "precision", "scale");
    }

    private static void writeAliases(Set<String> aliases, JsonGenerator json) throws IOException {
        if (!aliases.isEmpty()) {
            writeStrings("aliases", new TreeSet<>(aliases), json);
        }
    }

    private static void writeStrings(String key, Collection<String> values, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart(key);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeProperties(Map<String, Object> properties, Set<String> alreadyWritten, JsonGenerator json)
            throws IOException {
        for (Map.Entry<String, Object> property : new TreeMap<>(properties).entrySet()) {
            if (!alreadyWritten.contains(property.getKey())) {
                json.writeFieldName(property.getKey());
                json.writeTree(sortedJson(property.getValue()));
            }
        }
    }

    /** The JSON of a property or default value as Avro hands it over, with object keys sorted. */
    private static JsonNode sortedJson(Object value) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            sortedKeys(map).forEach((key, member) -> object.set(key, sortedJson(member)));
            return object;
        }
        if (value instanceof Collection<?> collection) {
            ArrayNode array = NODES.arrayNode();
            collection.forEach(element -> array.add(sortedJson(element)));
            return array;
        }
        if (value instanceof byte[] bytes) {
            return NODES.textNode(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        return scalarJson(value);
    }

    private static Map<String, Object> sortedKeys(Map<?, ?> map) {
        Map<String, Object> keyed = new TreeMap<>();
        map.forEach((key, member) -> keyed.put(String.valueOf(key), member));
        return keyed;
    }

    private static JsonNode scalarJson(Object value) {
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Float number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigInteger number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        return NODES.textNode(value.toString());
    }
}
