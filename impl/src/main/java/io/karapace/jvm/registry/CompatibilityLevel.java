package io.karapace.jvm.registry;

import io.karapace.jvm.util.Enums;
import java.util.Optional;

/** The seven levels, each a direction of reading and a scope of versions checked. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The new schema must read data written with the old ones. */
    final boolean newReadsOld;
    /** The old schemas must read data written with the new one. */
    final boolean oldReadsNew;
    /** Every live version is checked, not only the latest. */
    final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    public static Optional<CompatibilityLevel> parse(String value) {
        return Enums.parse(CompatibilityLevel.class, value);
    }
}
