package io.karapace.jvm.proxy.consumer;

/**
 * An offset in a commit request (the last record processed) or in a committed-offsets answer (the offset
 * as stored in Kafka, i.e. the next record to read).
 *
 * @param metadata may be null
 */
public record CommittedOffset(String topic, int partition, long offset, String metadata) {
}
