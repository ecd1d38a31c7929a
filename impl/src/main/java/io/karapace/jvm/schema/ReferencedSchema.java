package io.karapace.jvm.schema;

import java.util.List;

/**
 * A reference with the text it resolves to. Lists of these are handed to providers in
 * dependency order: every schema appears after the schemas it references.
 */
public record ReferencedSchema(SchemaReference reference, SchemaType type, String schema,
                               List<SchemaReference> references) {
}
