package io.karapace.jvm.schema;

import java.util.List;

/** One schema language: parses text (with its resolved references) into a {@link ParsedSchema}. */
public interface SchemaProvider {

    SchemaType type();

    ParsedSchema parse(String schema, List<ReferencedSchema> references, Validation validation)
            throws InvalidSchemaException;
}
