package io.karapace.jvm.proxy.v3;

/**
 * A v3 request failed in a way the client is told about: the HTTP status, Confluent's v3
 * {@code error_code} (the status itself, or a Kafka-specific code such as 40002 or 40403) and message.
 */
public final class V3Exception extends RuntimeException {
    private final int status;
    private final int errorCode;

    private V3Exception(int status, int errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public static V3Exception badRequest(String message) {
        return new V3Exception(400, 400, message);
    }

    /** Kafka refused the request for a reason the client can fix (topic exists, bad config...). */
    public static V3Exception kafkaBadRequest(String message) {
        return new V3Exception(400, 40002, message);
    }

    public static V3Exception notFound(String message) {
        return new V3Exception(404, 404, message);
    }

    public static V3Exception clusterNotFound(String clusterId) {
        return notFound("Cluster " + clusterId + " cannot be found.");
    }

    /** Kafka's UnknownTopicOrPartition, with Kafka's own wording, as Confluent passes it on. */
    public static V3Exception unknownTopicOrPartition() {
        return new V3Exception(404, 40403, "This server does not host this topic-partition.");
    }

    /** Kafka refused the caller's SASL identity or its ACLs (rest_authorization). */
    public static V3Exception forbidden() {
        return new V3Exception(403, 40301, "Forbidden");
    }

    public static V3Exception kafkaError(String message, boolean retriable) {
        return new V3Exception(500, retriable ? 50003 : 50002, message);
    }
}
