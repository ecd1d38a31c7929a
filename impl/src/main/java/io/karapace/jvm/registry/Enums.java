package io.karapace.jvm.registry;

import java.util.Locale;
import java.util.Optional;

/** Case-insensitive parsing of the enum values clients send. */
final class Enums {
    private Enums() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
