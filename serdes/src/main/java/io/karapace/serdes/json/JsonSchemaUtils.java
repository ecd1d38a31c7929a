package io.karapace.serdes.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's {@code JsonSchemaUtils.envelope}: a value with its JSON Schema, as an object with the two
 * fields {@code schema} and {@code payload}. {@link KafkaJsonSchemaSerializer} writes the payload and
 * registers the schema. Also the validation both serdes share.
 */
public final class JsonSchemaUtils {

    static final String ENVELOPE_SCHEMA = "schema";
    static final String ENVELOPE_PAYLOAD = "payload";
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Confluent's JSON Schema default is draft-07; a {@code $schema} keyword picks another draft. */
    private static final SchemaRegistry VALIDATORS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private JsonSchemaUtils() {
    }

    /** The envelope of a payload (a POJO, a {@code JsonNode}, ...) with its JSON Schema text. */
    public static ObjectNode envelope(String schema, Object payload) {
        try {
            ObjectNode envelope = MAPPER.createObjectNode();
            envelope.set(ENVELOPE_SCHEMA, MAPPER.readTree(schema));
            envelope.set(ENVELOPE_PAYLOAD, MAPPER.valueToTree(payload));
            return envelope;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON Schema: " + e.getOriginalMessage(), e);
        }
    }

    static boolean isEnvelope(Object value) {
        return value instanceof ObjectNode node && node.size() == 2
                && node.has(ENVELOPE_SCHEMA) && node.has(ENVELOPE_PAYLOAD);
    }

    /** A JSON Schema's {@code title}, what Confluent's {@code JsonSchema.name()} answers; null without one. */
    static String title(String schema) {
        try {
            JsonNode title = MAPPER.readTree(schema).get("title");
            return title != null && title.isTextual() ? title.asText() : null;
        } catch (JsonProcessingException e) {
            throw new SerializationException("Not a JSON Schema: " + e.getOriginalMessage(), e);
        }
    }

    static Schema compile(String schema) {
        try {
            return VALIDATORS.getSchema(schema, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new SerializationException("Invalid JSON Schema: " + e.getMessage(), e);
        }
    }

    /** Throws a {@code SerializationException} listing what in the JSON does not conform. */
    static void validate(Schema schema, String json, int id) {
        List<com.networknt.schema.Error> errors = schema.validate(json, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new SerializationException("Validation error" + (id >= 0 ? " for schema " + id : "") + ": "
                    + errors.stream().map(Object::toString).toList());
        }
    }
}
