package io.karapace.jvm.schema;

/** The text is not a valid schema of its type; the message says why, in the parser's words. */
public class InvalidSchemaException extends Exception {
    public InvalidSchemaException(String message) {
        super(message);
    }

    public InvalidSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
