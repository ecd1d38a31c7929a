package io.karapace.jvm.registry;

/**
 * A registry operation failed in a way the client is told about: the HTTP status, Confluent's
 * error_code and the message. Usually one of ours ({@link #error()}); an answer passed on from the
 * primary keeps the primary's status and code exactly ({@link #relayed}).
 */
public class RegistryException extends RuntimeException {
    private final RegistryError error;
    private final int httpStatus;
    private final int errorCode;

    public RegistryException(RegistryError error, String message) {
        this(error, error.httpStatus, error.errorCode, message);
    }

    private RegistryException(RegistryError error, int httpStatus, int errorCode, String message) {
        super(message, null, false, false);
        this.error = error;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The primary's answer as it gave it; {@link #error()} is our error of that code, or 50003. */
    public static RegistryException relayed(int httpStatus, int errorCode, String message) {
        RegistryError error = RegistryError.byCode(errorCode).orElse(RegistryError.FORWARDING_FAILED);
        return new RegistryException(error, httpStatus, errorCode, message);
    }

    public RegistryError error() {
        return error;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }
}
