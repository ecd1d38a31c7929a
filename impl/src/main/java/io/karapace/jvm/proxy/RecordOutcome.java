package io.karapace.jvm.proxy;

/**
 * Where one record was written, or why it was not: a failed record has a null partition and offset
 * and Confluent's error code (50003 retriable, 50002 otherwise, 40402 for a partition the topic
 * lacks) with a message.
 */
public record RecordOutcome(Integer partition, Long offset, Integer errorCode, String error) {

    public static RecordOutcome written(int partition, long offset) {
        return new RecordOutcome(partition, offset, null, null);
    }

    /** A record Kafka refused; the message is the error's template filled with {@code args}. */
    public static RecordOutcome failed(ProxyError error, Object... args) {
        return new RecordOutcome(null, null, error.errorCode, String.format(error.template, args));
    }

    public boolean succeeded() {
        return errorCode == null;
    }
}
