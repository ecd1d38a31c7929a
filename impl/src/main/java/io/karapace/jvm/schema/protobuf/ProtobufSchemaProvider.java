package io.karapace.jvm.schema.protobuf;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaProvider;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;

/** Protocol Buffers schemas ({@code .proto} text, proto2 or proto3), parsed and linked with Square's Wire. */
public final class ProtobufSchemaProvider implements SchemaProvider {

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    @Override
    public ParsedSchema parse(String schema, List<ReferencedSchema> references, Validation validation)
            throws InvalidSchemaException {
        return ProtobufSchemaParser.parse(schema, references, validation);
    }
}
