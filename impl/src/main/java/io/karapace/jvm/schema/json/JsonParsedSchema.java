package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import io.karapace.jvm.schema.CanonicalSchema;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;

/**
 * A JSON Schema with the schemas it references. Its canonical text is the compact JSON of the schema with
 * keys in the order they were written, as Confluent stores it.
 */
public final class JsonParsedSchema extends CanonicalSchema {
    static final String DIFFERENT_TYPE = "Incompatible because of different schema type";

    private final JsonNode root;
    private final SchemaDocuments documents;
    private final Validation validation;
    private volatile Schema validator;

    JsonParsedSchema(JsonNode root, SchemaDocuments documents, List<ReferencedSchema> references,
                     Validation validation) {
        super(JsonCodec.write(root), references);
        this.root = root;
        this.documents = documents;
        this.validation = validation;
    }

    /** The schema as a JSON tree; callers must not modify it. */
    public JsonNode jsonNode() {
        return root;
    }

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    /** Confluent's normalized form: the same schema with the keys of every object sorted. */
    @Override
    public ParsedSchema normalize() {
        JsonNode sorted = JsonCodec.sorted(root);
        return new JsonParsedSchema(sorted, documents.withMain(sorted), references(), validation);
    }

    /**
     * Each issue reads like Confluent's, e.g. {@code {errorType:"TYPE_CHANGED", description:"A type at path
     * '#/properties/a' is different between the %s schema and the %s schema"}}; the first {@code %s} is the
     * reader's role and the second the writer's, filled in by the compatibility checker.
     */
    @Override
    public List<String> readIssues(ParsedSchema writer) {
        if (!(writer instanceof JsonParsedSchema jsonWriter)) {
            return List.of(DIFFERENT_TYPE);
        }
        try {
            return differencesFrom(jsonWriter).stream()
                    .filter(difference -> !difference.type().compatible)
                    .map(Difference::issue)
                    .toList();
        } catch (RuntimeException | StackOverflowError e) {
            return List.of("Unexpected exception during compatibility check: " + e);
        }
    }

    /** Every change from {@code original} to this schema, compatible ones included. */
    List<Difference> differencesFrom(JsonParsedSchema original) {
        return SchemaDiff.compare(original.documents, documents);
    }

    /**
     * Validates a JSON document against this schema, following {@code $ref}s into the referenced schemas.
     *
     * @return the reasons the document is invalid, each as {@code /path: message}; empty when it is valid
     */
    public List<String> validate(String document) {
        return validator().validate(document, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private Schema validator() {
        Schema loaded = validator;
        if (loaded == null) {
            Draft draft = root.isObject() ? Draft.of(root) : Draft.DRAFT_7;
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(draft.specification,
                    builder -> builder.schemas(documents.referenceTexts()));
            loaded = registry.getSchema(SchemaLocation.of(documents.main().base().toString()),
                    JsonCodec.write(withoutDialect(root)), InputFormat.JSON);
            validator = loaded;
        }
        return loaded;
    }

    /** The draft is already chosen (unknown {@code $schema}s mean draft 7), so the validator need not look it up. */
    private static JsonNode withoutDialect(JsonNode schema) {
        if (!schema.isObject() || !schema.has("$schema")) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.remove("$schema");
        return copy;
    }

}
