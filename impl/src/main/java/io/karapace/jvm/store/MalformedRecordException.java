package io.karapace.jvm.store;

/** A record of the schemas topic that cannot be understood; readers log it and skip it. */
public class MalformedRecordException extends Exception {
    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
