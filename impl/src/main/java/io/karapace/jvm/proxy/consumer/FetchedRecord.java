package io.karapace.jvm.proxy.consumer;

import java.util.List;

/**
 * A record as Kafka holds it; the HTTP side renders key and value in the instance's embedded format.
 *
 * @param timestamp epoch milliseconds
 * @param key       null for a null key
 * @param value     null for a tombstone
 */
public record FetchedRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                            List<FetchedHeader> headers) {

    /** What the record counts against a fetch's {@code max_bytes}: its key and value. */
    public long size() {
        return length(key) + length(value);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
