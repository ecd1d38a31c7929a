package io.karapace.jvm.kafka.v3;

import io.karapace.jvm.kafka.PartitionCounts;
import io.karapace.jvm.proxy.v3.ClusterAdmin;
import io.karapace.jvm.proxy.v3.V3Exception;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The v3 API's view of Kafka through an admin client shared with v2, which its owner closes; Kafka's
 * errors become Confluent's v3 errors.
 */
public final class KafkaClusterAdmin implements ClusterAdmin {
    private static final long TIMEOUT_SECONDS = 30;
    private static final long VISIBLE_WITHIN_SECONDS = 5;
    private static final Set<Class<? extends ApiException>> CLIENT_MISTAKES = Set.of(TopicExistsException.class,
            InvalidReplicationFactorException.class, InvalidPartitionsException.class, InvalidRequestException.class,
            PolicyViolationException.class, InvalidConfigurationException.class, UnknownServerException.class,
            InvalidTopicException.class);

    private final Admin admin;
    private final PartitionCounts partitionCounts;
    private volatile String clusterId;

    public KafkaClusterAdmin(Admin admin, PartitionCounts partitionCounts) {
        this.admin = admin;
        this.partitionCounts = partitionCounts;
    }

    @Override
    public String clusterId() {
        if (clusterId == null) {
            clusterId = await(admin.describeCluster().clusterId());
        }
        return clusterId;
    }

    @Override
    public int controllerId() {
        Node controller = await(admin.describeCluster().controller());
        return controller == null || controller.isEmpty() ? -1 : controller.id();
    }

    @Override
    public List<Broker> brokers() {
        return await(admin.describeCluster().nodes()).stream()
                .sorted(Comparator.comparingInt(Node::id))
                .map(node -> new Broker(node.id(), node.host(), node.port(), node.rack()))
                .toList();
    }

    @Override
    public List<String> topicNames() {
        return await(admin.listTopics(new ListTopicsOptions().listInternal(true)).names()).stream().sorted().toList();
    }

    @Override
    public Topic topic(String name) {
        return topics(List.of(name)).get(0);
    }

    @Override
    public int partitionCount(String topic, int partition) {
        return await(partitionCounts.count(topic, partition));
    }

    @Override
    public List<Topic> topics(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return await(admin.describeTopics(names).allTopicNames()).values().stream()
                .sorted(Comparator.comparing(TopicDescription::name))
                .map(KafkaClusterAdmin::topic)
                .toList();
    }

    private static Topic topic(TopicDescription description) {
        List<Partition> partitions = description.partitions().stream()
                .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
                .map(p -> new Partition(p.partition(), p.leader() == null ? -1 : p.leader().id(),
                        p.replicas().stream().map(Node::id).toList()))
                .toList();
        int replication = partitions.isEmpty() ? 0 : partitions.get(0).replicas().size();
        return new Topic(description.name(), description.isInternal(), replication, partitions);
    }

    @Override
    public void createTopic(NewTopic topic, boolean validateOnly) {
        org.apache.kafka.clients.admin.NewTopic request = new org.apache.kafka.clients.admin.NewTopic(topic.name(),
                Optional.ofNullable(topic.partitionsCount()), Optional.ofNullable(topic.replicationFactor()))
                .configs(topic.configs());
        await(admin.createTopics(List.of(request), new CreateTopicsOptions().validateOnly(validateOnly)).all());
        if (!validateOnly) {
            awaitVisible(topic.name());
        }
    }

    /** The controller answers before brokers learn of a topic; a produce right after creating must not 404. */
    private void awaitVisible(String name) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(VISIBLE_WITHIN_SECONDS);
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            try {
                if (topic(name).partitions().stream().allMatch(p -> p.leader() >= 0)) {
                    return;
                }
            } catch (V3Exception notYet) {
                // unknown to the broker we asked, so far
            }
            sleepBriefly();
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void deleteTopic(String name) {
        await(admin.deleteTopics(List.of(name)).all());
    }

    @Override
    public void increasePartitions(String topic, int partitionsCount) {
        await(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitionsCount))).all());
    }

    @Override
    public List<TopicConfig> topicConfigs(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return await(admin.describeConfigs(List.of(resource), new DescribeConfigsOptions().includeSynonyms(true))
                .values().get(resource)).entries().stream()
                .sorted(Comparator.comparing(ConfigEntry::name))
                .map(KafkaClusterAdmin::config)
                .toList();
    }

    private static TopicConfig config(ConfigEntry entry) {
        return new TopicConfig(entry.name(), entry.isSensitive() ? null : entry.value(), entry.isDefault(),
                entry.isReadOnly(), entry.isSensitive(), entry.source().name(),
                entry.synonyms().stream().map(s -> new ConfigSynonym(s.name(),
                        entry.isSensitive() ? null : s.value(), s.source().name())).toList());
    }

    @Override
    public void alterTopicConfigs(String topic, List<ConfigChange> changes) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        List<AlterConfigOp> ops = changes.stream().map(change -> change.value() == null
                ? new AlterConfigOp(new ConfigEntry(change.name(), null), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry(change.name(), change.value()), AlterConfigOp.OpType.SET))
                .toList();
        await(admin.incrementalAlterConfigs(Map.of(resource, ops)).all());
    }

    @Override
    public List<String> consumerGroupIds() {
        return await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .map(listing -> listing.groupId()).sorted().toList();
    }

    @Override
    public ConsumerGroup consumerGroup(String groupId) {
        ConsumerGroupDescription group;
        try {
            group = await(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId));
        } catch (V3Exception e) {
            if (e.status() == 404) {
                throw groupNotFound(groupId);
            }
            throw e;
        }
        if (group.groupState() == GroupState.DEAD) {
            throw groupNotFound(groupId);
        }
        Node coordinator = group.coordinator();
        return new ConsumerGroup(group.groupId(), group.isSimpleConsumerGroup(), group.partitionAssignor(),
                group.groupState().name(), coordinator == null ? -1 : coordinator.id(),
                group.members().stream().map(member -> new Member(member.consumerId(),
                        member.groupInstanceId().orElse(null), member.clientId(),
                        member.assignment().topicPartitions().stream()
                                .map(tp -> new PartitionRef(tp.topic(), tp.partition())).toList()))
                        .toList());
    }

    private static V3Exception groupNotFound(String groupId) {
        return V3Exception.notFound("Consumer group " + groupId + " cannot be found.");
    }

    @Override
    public Map<PartitionRef, Long> committedOffsets(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> offsets = await(admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata());
        Map<PartitionRef, Long> committed = new LinkedHashMap<>();
        offsets.forEach((tp, offset) -> {
            if (offset != null) {
                committed.put(new PartitionRef(tp.topic(), tp.partition()), offset.offset());
            }
        });
        return committed;
    }

    @Override
    public Map<PartitionRef, Long> endOffsets(Collection<PartitionRef> partitions) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(
                p -> new TopicPartition(p.topic(), p.partition()), p -> OffsetSpec.latest()));
        Map<PartitionRef, Long> ends = new HashMap<>();
        await(admin.listOffsets(request).all()).forEach((tp, info) ->
                ends.put(new PartitionRef(tp.topic(), tp.partition()), info.offset()));
        return ends;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (TimeoutException e) {
            throw V3Exception.kafkaError("Kafka did not answer within " + TIMEOUT_SECONDS + " s", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw V3Exception.kafkaError("Interrupted while waiting for Kafka", true);
        }
    }

    private static V3Exception translate(Throwable cause) {
        if (cause instanceof org.apache.kafka.common.errors.AuthorizationException
                || cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
            return V3Exception.forbidden();
        }
        if (cause instanceof UnknownTopicOrPartitionException) {
            return V3Exception.unknownTopicOrPartition();
        }
        if (cause instanceof GroupIdNotFoundException) {
            return V3Exception.notFound(cause.getMessage());
        }
        if (cause != null && CLIENT_MISTAKES.contains(cause.getClass())) {
            return V3Exception.kafkaBadRequest(cause.getMessage());
        }
        return V3Exception.kafkaError(cause == null ? "Kafka error" : cause.getMessage(),
                cause instanceof RetriableException);
    }
}
