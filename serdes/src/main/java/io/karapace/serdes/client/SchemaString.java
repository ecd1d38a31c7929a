package io.karapace.serdes.client;

import java.util.Objects;

/**
 * A schema as the registry holds it: its type ({@code AVRO}, {@code JSON} or {@code PROTOBUF}) and its text.
 * The registry omits {@code schemaType} for Avro, so a missing type means {@code AVRO}.
 */
public record SchemaString(String schemaType, String schema) {

    public static final String AVRO = "AVRO";

    public SchemaString {
        schemaType = schemaType == null ? AVRO : schemaType;
        Objects.requireNonNull(schema, "schema");
    }

    public static SchemaString avro(String schema) {
        return new SchemaString(AVRO, schema);
    }
}
