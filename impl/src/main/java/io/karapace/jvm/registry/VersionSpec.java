package io.karapace.jvm.registry;

import java.util.Locale;

/** A version as a path segment names it: a number in [1, 2^31-1], or "latest" / -1. */
public sealed interface VersionSpec {

    record Latest() implements VersionSpec {
    }

    record Exact(int version) implements VersionSpec {
    }

    VersionSpec LATEST = new Latest();

    static VersionSpec parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
            return LATEST;
        }
        try {
            int n = Integer.parseInt(trimmed);
            if (n == -1) {
                return LATEST;
            }
            if (n >= 1) {
                return new Exact(n);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw RegistryError.INVALID_VERSION.exception(text);
    }
}
