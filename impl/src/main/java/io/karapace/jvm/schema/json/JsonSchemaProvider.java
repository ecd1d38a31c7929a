package io.karapace.jvm.schema.json;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaProvider;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;

/** JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12), compared by Confluent's rules. */
public final class JsonSchemaProvider implements SchemaProvider {

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    @Override
    public ParsedSchema parse(String schema, List<ReferencedSchema> references, Validation validation)
            throws InvalidSchemaException {
        return JsonSchemaParser.parse(schema, references, validation);
    }
}
