package io.karapace.jvm.registry;

import io.karapace.jvm.util.Enums;
import java.util.Optional;

/** What a scope (global or one subject) accepts. */
public enum Mode {
    READWRITE, READONLY, READONLY_OVERRIDE, IMPORT;

    public static Optional<Mode> parse(String value) {
        return Enums.parse(Mode.class, value);
    }

    boolean isReadOnly() {
        return this == READONLY || this == READONLY_OVERRIDE;
    }
}
