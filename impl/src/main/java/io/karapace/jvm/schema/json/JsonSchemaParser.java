package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns text into a {@link JsonParsedSchema}. A new schema must be a JSON object or boolean that its
 * draft's meta-schema accepts and whose {@code $ref}s all resolve; a stored one only has to be JSON.
 */
final class JsonSchemaParser {

    private JsonSchemaParser() {
    }

    static JsonParsedSchema parse(String text, List<ReferencedSchema> references, Validation validation)
            throws InvalidSchemaException {
        boolean strict = validation == Validation.NEW;
        JsonNode root = read(text, strict);
        Map<String, JsonNode> referencedNodes = new LinkedHashMap<>();
        for (ReferencedSchema reference : references) {
            referencedNodes.putIfAbsent(reference.reference().name(), readReference(reference, strict));
        }
        SchemaDocuments documents = new SchemaDocuments(root, referencedNodes);
        if (strict) {
            checkAgainstMetaSchema(root, "");
            List<String> unresolved = documents.unresolvedRefs();
            if (!unresolved.isEmpty()) {
                throw new InvalidSchemaException("Unresolved $ref " + String.join(", ", unresolved)
                        + "; a reference's name must be the URL the schema uses for it");
            }
        }
        return new JsonParsedSchema(root, documents, references, validation);
    }

    private static JsonNode read(String text, boolean strict) throws InvalidSchemaException {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        JsonNode root;
        try {
            root = JsonCodec.read(text, strict);
        } catch (JsonProcessingException e) {
            throw new InvalidSchemaException("Invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (strict && !root.isObject() && !root.isBoolean()) {
            throw new InvalidSchemaException("Invalid JSON Schema: a schema must be a JSON object or a boolean, not "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return root;
    }

    private static JsonNode readReference(ReferencedSchema reference, boolean strict) throws InvalidSchemaException {
        String prefix = "Invalid reference '" + reference.reference().name() + "': ";
        if (reference.type() != SchemaType.JSON) {
            throw new InvalidSchemaException(prefix + "it is a " + reference.type()
                    + " schema; a JSON schema can only reference JSON schemas");
        }
        JsonNode node;
        try {
            node = read(reference.schema(), strict);
        } catch (InvalidSchemaException e) {
            throw new InvalidSchemaException(prefix + e.getMessage(), e);
        }
        if (strict) {
            checkAgainstMetaSchema(node, prefix);
        }
        return node;
    }

    private static void checkAgainstMetaSchema(JsonNode root, String prefix) throws InvalidSchemaException {
        Draft draft = Draft.of(root);
        List<String> violations = MetaSchemas.violations(draft, JsonCodec.write(root));
        if (!violations.isEmpty()) {
            throw new InvalidSchemaException(prefix + "Invalid JSON Schema (" + draft.specification.getDialectId()
                    + "): " + String.join("; ", violations));
        }
    }
}
