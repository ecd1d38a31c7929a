package io.karapace.jvm.proxy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/** A cluster of one broker whose topics and partition counts are given. */
final class FixedMetadata implements ClusterMetadata {
    private final Map<String, Integer> partitionCounts;

    FixedMetadata(Map<String, Integer> partitionCounts) {
        this.partitionCounts = partitionCounts;
    }

    @Override
    public CompletableFuture<List<String>> topicNames() {
        return CompletableFuture.completedFuture(partitionCounts.keySet().stream().sorted().toList());
    }

    @Override
    public CompletableFuture<TopicDetails> topic(String topic) {
        return partitions(topic).thenApply(partitions -> new TopicDetails(topic, Map.of(), partitions));
    }

    @Override
    public CompletableFuture<List<PartitionDetails>> partitions(String topic) {
        Integer count = partitionCounts.get(topic);
        if (count == null) {
            return CompletableFuture.failedFuture(ProxyError.TOPIC_NOT_FOUND.exception());
        }
        return CompletableFuture.completedFuture(IntStream.range(0, count)
                .mapToObj(p -> new PartitionDetails(p, 1, List.of(new Replica(1, true, true)))).toList());
    }

    @Override
    public CompletableFuture<Integer> partitionCount(String topic, int partition) {
        return partitions(topic).thenApply(List::size);
    }

    @Override
    public CompletableFuture<OffsetRange> offsets(String topic, int partition) {
        return CompletableFuture.completedFuture(new OffsetRange(0, 0));
    }

    @Override
    public CompletableFuture<List<Integer>> brokerIds() {
        return CompletableFuture.completedFuture(List.of(1));
    }
}
