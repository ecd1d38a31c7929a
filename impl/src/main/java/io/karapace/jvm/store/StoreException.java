package io.karapace.jvm.store;

/** The log could not be written or read in time. {@link #timeout()} tells which. */
public class StoreException extends RuntimeException {
    private final boolean timeout;

    public StoreException(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    public boolean timeout() {
        return timeout;
    }
}
