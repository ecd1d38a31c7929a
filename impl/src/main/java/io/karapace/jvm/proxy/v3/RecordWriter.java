package io.karapace.jvm.proxy.v3;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Writes one record to Kafka through the proxy's shared producer. */
public interface RecordWriter {

    /** Completes once Kafka acknowledged the record, or fails with Kafka's exception. */
    CompletableFuture<Written> write(Outgoing record);

    /**
     * @param partition null lets the producer's partitioner choose
     * @param timestamp epoch millis, null for the producer's clock
     */
    record Outgoing(String topic, Integer partition, Long timestamp, byte[] key, byte[] value,
                    List<Header> headers) {
    }

    /** @param value null for a header without value */
    record Header(String name, byte[] value) {
    }

    record Written(int partition, long offset, long timestamp) {
    }
}
