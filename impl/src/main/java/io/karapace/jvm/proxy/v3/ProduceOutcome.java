package io.karapace.jvm.proxy.v3;

/**
 * Where a v3 record was written.
 *
 * @param key   null when the request had no key
 * @param value null when the request had no value
 */
public record ProduceOutcome(String topic, int partition, long offset, long timestamp, Side key, Side value) {

    /**
     * What was written for a key or a value.
     *
     * @param subject  null unless a schema was used; likewise schemaId
     */
    public record Side(String type, int size, String subject, Integer schemaId) {
    }
}
