package io.karapace.jvm.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * The schema languages the registry serves; AVRO is the default when a request names none.
 * Declared in the order Confluent lists them at {@code /schemas/types}.
 */
public enum SchemaType {
    JSON, PROTOBUF, AVRO;

    public static Optional<SchemaType> parse(String name) {
        if (name == null) {
            return Optional.of(AVRO);
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
