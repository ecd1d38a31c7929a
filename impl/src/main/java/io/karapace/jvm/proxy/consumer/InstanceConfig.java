package io.karapace.jvm.proxy.consumer;

/**
 * The body of {@code POST /consumers/{group}} as the client sent it: every field raw and nullable, so
 * that validation (and its 42204 answer) lives in one place.
 *
 * @param name             the instance name; generated when null
 * @param id               the legacy name field; wins over {@code name}
 * @param format           binary (default), json, avro, jsonschema or protobuf
 * @param autoOffsetReset  earliest or latest (default, as Kafka and Confluent)
 * @param autoCommitEnable "true" or "false"
 * @param fetchMinBytes    {@code fetch.min.bytes}: an integer; negative means wait for the timeout
 * @param requestTimeoutMs {@code consumer.request.timeout.ms}: this instance's fetch timeout
 */
public record InstanceConfig(String name, String id, String format, String autoOffsetReset,
                             String autoCommitEnable, String fetchMinBytes, String requestTimeoutMs) {

    /** An instance with a generated name and every setting at its default. */
    public static InstanceConfig defaults() {
        return new InstanceConfig(null, null, null, null, null, null, null);
    }
}
