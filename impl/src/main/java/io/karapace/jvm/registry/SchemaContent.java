package io.karapace.jvm.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import java.util.List;

/**
 * What makes two schemas the same schema: type, canonical text, references, metadata and rule set.
 * Equal contents share one global id across all subjects.
 */
public record SchemaContent(SchemaType type, String schema, List<SchemaReference> references,
                            ObjectNode metadata, ObjectNode ruleSet) {
    public SchemaContent {
        references = references == null ? List.of() : List.copyOf(references);
        metadata = metadata == null || metadata.isEmpty() ? null : metadata;
        ruleSet = ruleSet == null || ruleSet.isEmpty() ? null : ruleSet;
    }
}
