package io.karapace.jvm.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.schema.SchemaReference;
import java.util.List;

/**
 * A schema as a client sends it to register, look up or check. {@code version} and {@code id}
 * are only meaningful in IMPORT mode; null when absent.
 */
public record SchemaRequest(String schema, String schemaType, List<SchemaReference> references,
                            ObjectNode metadata, ObjectNode ruleSet, Integer version, Integer id) {
    public SchemaRequest {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static SchemaRequest of(String schema) {
        return new SchemaRequest(schema, null, List.of(), null, null, null, null);
    }
}
