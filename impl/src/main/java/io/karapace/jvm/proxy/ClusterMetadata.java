package io.karapace.jvm.proxy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the proxy reads about the Kafka cluster; one shared admin client behind it. A missing topic
 * fails the future with {@link ProxyError#TOPIC_NOT_FOUND}, a missing partition with
 * {@link ProxyError#PARTITION_NOT_FOUND}.
 */
public interface ClusterMetadata {

    /** All topic names, internal ones included, sorted. */
    CompletableFuture<List<String>> topicNames();

    CompletableFuture<TopicDetails> topic(String topic);

    /** The topic's partitions, by partition number. */
    CompletableFuture<List<PartitionDetails>> partitions(String topic);

    /**
     * How many partitions the topic has, for producing: possibly a second old, but asked anew when
     * {@code partition} is not below the count remembered.
     */
    CompletableFuture<Integer> partitionCount(String topic, int partition);

    CompletableFuture<OffsetRange> offsets(String topic, int partition);

    /** Ids of the cluster's brokers, sorted. */
    CompletableFuture<List<Integer>> brokerIds();

    /** A topic's configuration (every entry, defaults included) and partitions. */
    record TopicDetails(String name, Map<String, String> configs, List<PartitionDetails> partitions) {
    }

    /** @param leader the leader's broker id, -1 when the partition has none */
    record PartitionDetails(int partition, int leader, List<Replica> replicas) {
    }

    record Replica(int broker, boolean leader, boolean inSync) {
    }

    /** @param end the offset the next record will get */
    record OffsetRange(long beginning, long end) {
    }
}
