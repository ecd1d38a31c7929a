package io.karapace.serdes.client;

/**
 * An error answer of the registry: the HTTP status and the {@code error_code} of Confluent's error
 * JSON {@code {"error_code": 40401, "message": "..."}}. Like Confluent's
 * {@code io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException}, the message
 * ends with {@code "; error code: <code>"}.
 */
public class RestClientException extends Exception {

    /** The error code used when the answer carried no parsable error JSON (Confluent's {@code JSON_PARSE_ERROR_CODE}). */
    public static final int UNPARSABLE_ERROR_CODE = 50005;

    private final int status;
    private final int errorCode;

    public RestClientException(String message, int status, int errorCode) {
        super(message + "; error code: " + errorCode);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the answer. */
    public int getStatus() {
        return status;
    }

    /** The registry's {@code error_code}, such as 40401 for a missing subject. */
    public int getErrorCode() {
        return errorCode;
    }
}
