package io.karapace.jvm.proxy.consumer;

/** One partition of a topic. */
public record PartitionRef(String topic, int partition) {
}
