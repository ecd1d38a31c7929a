package io.karapace.jvm.proxy;

import java.util.concurrent.CompletableFuture;

/** Writes records to Kafka; one shared producer behind it. */
public interface RecordSink {

    /**
     * Sends one record. The future completes, never exceptionally, once Kafka has acknowledged or
     * refused the record; a refusal is a {@link RecordOutcome#failed failed} outcome.
     *
     * @param partition null lets the producer's partitioner choose
     */
    CompletableFuture<RecordOutcome> send(String topic, Integer partition, byte[] key, byte[] value);
}
