package io.karapace.jvm.proxy.consumer;

/** A position in a partition: where the next fetch starts. */
public record PartitionOffset(String topic, int partition, long offset) {
}
