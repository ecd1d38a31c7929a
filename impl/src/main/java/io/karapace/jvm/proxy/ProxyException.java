package io.karapace.jvm.proxy;

/** A REST proxy operation failed in a way the client is told about through {@link #error()}. */
public class ProxyException extends RuntimeException {
    private final ProxyError error;

    public ProxyException(ProxyError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ProxyError error() {
        return error;
    }
}
