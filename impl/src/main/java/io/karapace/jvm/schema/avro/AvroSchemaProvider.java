package io.karapace.jvm.schema.avro;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaProvider;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;

/** Apache Avro schemas, parsed with Avro's own parser. */
public final class AvroSchemaProvider implements SchemaProvider {

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    @Override
    public ParsedSchema parse(String schema, List<ReferencedSchema> references, Validation validation)
            throws InvalidSchemaException {
        return AvroSchemaParser.parse(schema, references, validation);
    }
}
