package io.karapace.jvm.kafka;

import io.karapace.jvm.proxy.ClusterMetadata;
import io.karapace.jvm.proxy.ProxyError;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The REST proxy's cluster metadata, read through an admin client shared with v3; its owner closes it. */
public final class KafkaClusterMetadata implements ClusterMetadata {
    private final Admin admin;
    private final PartitionCounts partitionCounts;

    KafkaClusterMetadata(Admin admin, PartitionCounts partitionCounts) {
        this.admin = admin;
        this.partitionCounts = partitionCounts;
    }

    @Override
    public CompletableFuture<List<String>> topicNames() {
        return completable(admin.listTopics(new ListTopicsOptions().listInternal(true)).names())
                .thenApply(names -> names.stream().sorted().toList());
    }

    @Override
    public CompletableFuture<TopicDetails> topic(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        CompletableFuture<List<PartitionDetails>> partitions = partitions(topic);
        return partitions.thenCompose(found -> completable(admin.describeConfigs(Set.of(resource)).values().get(resource))
                .thenApply(config -> new TopicDetails(topic, configs(config), found)));
    }

    @Override
    public CompletableFuture<List<PartitionDetails>> partitions(String topic) {
        return describe(topic).thenApply(description -> description.partitions().stream()
                .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
                .map(KafkaClusterMetadata::details)
                .toList());
    }

    @Override
    public CompletableFuture<Integer> partitionCount(String topic, int partition) {
        return partitionCounts.count(topic, partition)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(translate(failure)));
    }

    @Override
    public CompletableFuture<OffsetRange> offsets(String topic, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        return describe(topic).thenCompose(description -> {
            if (partition < 0 || partition >= description.partitions().size()) {
                throw ProxyError.PARTITION_NOT_FOUND.exception();
            }
            CompletableFuture<Long> beginning = completable(admin.listOffsets(Map.of(tp, OffsetSpec.earliest()))
                    .partitionResult(tp)).thenApply(info -> info.offset());
            CompletableFuture<Long> end = completable(admin.listOffsets(Map.of(tp, OffsetSpec.latest()))
                    .partitionResult(tp)).thenApply(info -> info.offset());
            return beginning.thenCombine(end, OffsetRange::new);
        });
    }

    @Override
    public CompletableFuture<List<Integer>> brokerIds() {
        return completable(admin.describeCluster().nodes())
                .thenApply(nodes -> nodes.stream().map(Node::id).sorted().toList());
    }

    private CompletableFuture<TopicDescription> describe(String topic) {
        return completable(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
    }

    private static PartitionDetails details(TopicPartitionInfo info) {
        int leader = info.leader() == null ? -1 : info.leader().id();
        Set<Integer> inSync = info.isr().stream().map(Node::id).collect(Collectors.toSet());
        List<Replica> replicas = info.replicas().stream()
                .map(node -> new Replica(node.id(), node.id() == leader, inSync.contains(node.id())))
                .toList();
        return new PartitionDetails(info.partition(), leader, replicas);
    }

    private static Map<String, String> configs(Config config) {
        Map<String, String> configs = new LinkedHashMap<>();
        config.entries().stream()
                .sorted(Comparator.comparing(ConfigEntry::name))
                .forEach(entry -> configs.put(entry.name(), entry.value()));
        return configs;
    }

    /** A CompletableFuture of the admin result, failing with the proxy's errors. */
    private static <T> CompletableFuture<T> completable(KafkaFuture<T> future) {
        CompletableFuture<T> result = new CompletableFuture<>();
        future.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(translate(failure));
            }
        });
        return result;
    }

    private static Throwable translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof UnknownTopicOrPartitionException || cause instanceof InvalidTopicException) {
            return ProxyError.TOPIC_NOT_FOUND.exception();
        }
        if (cause instanceof org.apache.kafka.common.errors.AuthorizationException
                || cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
            return ProxyError.FORBIDDEN.exception();
        }
        if (cause instanceof RetriableException) {
            return ProxyError.KAFKA_RETRIABLE_ERROR.exception(cause.getMessage());
        }
        return ProxyError.KAFKA_ERROR.exception(cause.getMessage());
    }
}
