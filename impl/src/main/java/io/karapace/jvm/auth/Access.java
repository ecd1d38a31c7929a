package io.karapace.jvm.auth;

/**
 * What one caller may do, in the registry's terms (API.md D.2): read or write a subject, read or write
 * the global config and mode. Without an authfile everyone may do everything.
 */
public interface Access {
    Access UNRESTRICTED = new Access() {
        @Override
        public boolean allows(Operation operation, String resource) {
            return true;
        }

        @Override
        public String toString() {
            return "unrestricted";
        }
    };

    /** The check behind every other: {@code resource} is {@code Config:} or {@code Subject:<name>}. */
    boolean allows(Operation operation, String resource);

    default boolean mayRead(String subject) {
        return allows(Operation.READ, AuthRules.subject(subject));
    }

    default boolean mayWrite(String subject) {
        return allows(Operation.WRITE, AuthRules.subject(subject));
    }

    default boolean mayReadConfig() {
        return allows(Operation.READ, AuthRules.CONFIG);
    }

    default boolean mayWriteConfig() {
        return allows(Operation.WRITE, AuthRules.CONFIG);
    }
}
