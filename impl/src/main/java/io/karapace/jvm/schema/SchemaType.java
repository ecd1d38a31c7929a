package io.karapace.jvm.schema;

import java.util.Optional;

/**
 * The schema languages the registry serves; AVRO is the default when a request names none.
 * Declared in the order Confluent lists them at {@code /schemas/types}.
 */
public enum SchemaType {
    JSON, PROTOBUF, AVRO;

    /** Absent means AVRO; otherwise the exact, case-sensitive name, as Confluent looks it up. */
    public static Optional<SchemaType> parse(String name) {
        if (name == null) {
            return Optional.of(AVRO);
        }
        for (SchemaType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
