package io.karapace.jvm.registry;

/** A registry operation failed in a way the client is told about through {@link #error()}. */
public class RegistryException extends RuntimeException {
    private final RegistryError error;

    public RegistryException(RegistryError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public RegistryError error() {
        return error;
    }
}
