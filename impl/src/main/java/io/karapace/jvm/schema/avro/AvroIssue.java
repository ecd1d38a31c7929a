package io.karapace.jvm.schema.avro;

import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Renders one incompatibility Avro found in the wording Confluent's registry uses. */
final class AvroIssue {

    private AvroIssue() {
    }

    static String describe(Incompatibility incompatibility) {
        String path = incompatibility.getLocation();
        String info = incompatibility.getMessage();
        String description = switch (incompatibility.getType()) {
            case FIXED_SIZE_MISMATCH ->
                    "The size of FIXED type field at path '" + path + "' in the %s schema does not match with the %s schema";
            case TYPE_MISMATCH ->
                    "The type (path '" + path + "') of a field in the %s schema does not match with the %s schema";
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case MISSING_ENUM_SYMBOLS ->
                    "The %s schema is missing enum symbols '" + info + "' at path '" + path + "' in the %s schema";
            case MISSING_UNION_BRANCH ->
                    "The %s schema is missing a type inside a union field at path '" + path + "' in the %s schema";
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + info + "' at path '" + path
                    + "' in the %s schema has no default value and is missing in the %s schema";
        };
        return "{errorType:'" + incompatibility.getType() + "', description:'" + description
                + "', additionalInfo:'" + info + "'}";
    }
}
