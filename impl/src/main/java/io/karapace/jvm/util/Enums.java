package io.karapace.jvm.util;

import java.util.Locale;
import java.util.Optional;

/** Case-insensitive parsing of the enum values clients and config files send. */
public final class Enums {
    private Enums() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
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
