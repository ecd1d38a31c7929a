package io.karapace.jvm.registry;

import java.util.Locale;
import java.util.Optional;

/** What a scope (global or one subject) accepts. */
public enum Mode {
    READWRITE, READONLY, READONLY_OVERRIDE, IMPORT;

    public static Optional<Mode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean isReadOnly() {
        return this == READONLY || this == READONLY_OVERRIDE;
    }
}
