package io.karapace.jvm.proxy;

import java.util.HashSet;
import java.util.Set;

/**
 * Every error the REST proxy answers with: HTTP status, Confluent kafka-rest's error_code and the
 * message template. A separate table from the registry's: the two surfaces reuse codes (40401 is a
 * subject there and a topic here).
 */
public enum ProxyError {
    BAD_REQUEST(400, 400, "%s"),
    KAFKA_BAD_REQUEST(400, 40002, "%s"),
    /** Kafka refused the caller's SASL identity or its ACLs (rest_authorization); Confluent's 40301. */
    FORBIDDEN(403, 40301, "Forbidden"),
    TOPIC_NOT_FOUND(404, 40401, "Topic not found."),
    PARTITION_NOT_FOUND(404, 40402, "Partition not found."),
    CONSUMER_INSTANCE_NOT_FOUND(404, 40403, "Consumer instance not found."),
    LEADER_NOT_AVAILABLE(404, 40404, "Leader not available."),
    CLUSTER_NOT_FOUND(404, 404, "Cluster %s not found."),
    CONSUMER_GROUP_NOT_FOUND(404, 404, "Consumer group %s not found."),
    BROKER_NOT_FOUND(404, 404, "Broker %s not found."),
    CONFIG_NOT_FOUND(404, 404, "Config %s not found."),
    FORMAT_MISMATCH(406, 40601,
            "The requested embedded data format does not match the deserializer for this consumer instance"),
    ALREADY_SUBSCRIBED(409, 40901, "Consumer cannot subscribe the the specified target because it has already "
            + "subscribed to other topics."),
    CONSUMER_ALREADY_EXISTS(409, 40902,
            "Consumer with specified consumer ID already exists in the specified consumer group."),
    ILLEGAL_STATE(409, 40903, "Illegal state: %s"),
    TOPIC_ALREADY_EXISTS(409, 40902, "Topic '%s' already exists."),
    RECORD_TOO_LARGE(413, 413, "%s"),
    CONSUMER_CONFIG_INVALID(422, 40001, "%s"),
    KEY_SCHEMA_MISSING(422, 42201, "Request includes keys but does not include key schema"),
    VALUE_SCHEMA_MISSING(422, 42202, "Request includes values but does not include value schema"),
    JSON_CONVERSION(422, 42203, "Conversion of JSON to Object failed: %s"),
    INVALID_CONSUMER_CONFIG(422, 42204, "Invalid consumer configuration: %s"),
    INVALID_SCHEMA(422, 42205, "Invalid schema: %s"),
    PAYLOAD_ERROR(422, 42206, "Payload error. %s"),
    SERIALIZATION_ERROR(422, 42207, "Error serializing message. %s"),
    BATCH_ERROR(422, 42208, "%s"),
    UNPROCESSABLE(422, 422, "%s"),
    UNSUPPORTED_MEDIA_TYPE(415, 415, "HTTP 415 Unsupported Media Type"),
    KAFKA_ERROR(500, 50002, "Kafka error: %s"),
    KAFKA_RETRIABLE_ERROR(500, 50003, "Kafka retriable error: %s"),
    SCHEMA_REGISTRY_ERROR(500, 50001, "%s"),
    BROKER_NOT_AVAILABLE(503, 50302, "%s");

    public final int httpStatus;
    public final int errorCode;
    public final String template;

    ProxyError(int httpStatus, int errorCode, String template) {
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.template = template;
    }

    public ProxyException exception(Object... args) {
        return new ProxyException(this, String.format(template, args));
    }

    static {
        Set<String> seen = new HashSet<>();
        for (ProxyError e : values()) {
            if (!seen.add(e.errorCode + " " + e.template)) {
                throw new ExceptionInInitializerError("duplicate proxy error " + e);
            }
        }
    }
}
