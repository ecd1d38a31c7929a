package io.karapace.jvm.auth;

/** The authfile cannot be used; the message says why in one line, without any secret. */
public final class AuthFileException extends RuntimeException {
    public AuthFileException(String message) {
        super(message);
    }

    public AuthFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
