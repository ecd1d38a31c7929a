package io.karapace.jvm.proxy.v3;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the v3 API asks of the Kafka cluster, through one shared admin client. Calls block until
 * Kafka answers. Failures are {@link V3Exception}s: an unknown topic is
 * {@link V3Exception#unknownTopicOrPartition()}, an unknown group {@link V3Exception#notFound}, a
 * request Kafka rejects {@link V3Exception#kafkaBadRequest}.
 */
public interface ClusterAdmin {

    String clusterId();

    /** The controller's broker id, -1 when Kafka does not say. */
    int controllerId();

    /** The brokers, sorted by id. */
    List<Broker> brokers();

    /** All topic names, internal ones included, sorted. */
    List<String> topicNames();

    Topic topic(String name);

    /** How many partitions the topic has, for producing: possibly a second old unless {@code partition} exceeds it. */
    int partitionCount(String topic, int partition);

    /** The topics named, in name order; names Kafka does not know are an unknown-topic failure. */
    List<Topic> topics(Collection<String> names);

    void createTopic(NewTopic topic, boolean validateOnly);

    void deleteTopic(String name);

    void increasePartitions(String topic, int partitionsCount);

    /** Every config of the topic, defaults included, sorted by name. */
    List<TopicConfig> topicConfigs(String topic);

    /** Applies the changes together; a change with a null value is a reset to the default. */
    void alterTopicConfigs(String topic, List<ConfigChange> changes);

    /** Ids of the consumer groups, sorted. */
    List<String> consumerGroupIds();

    ConsumerGroup consumerGroup(String groupId);

    /** The group's committed offsets. */
    Map<PartitionRef, Long> committedOffsets(String groupId);

    /** The offsets the next records of these partitions will get. */
    Map<PartitionRef, Long> endOffsets(Collection<PartitionRef> partitions);

    /** @param rack null when the broker has none */
    record Broker(int id, String host, int port, String rack) {
    }

    record Topic(String name, boolean internal, int replicationFactor, List<Partition> partitions) {
    }

    /** @param leader the leader's broker id, -1 when the partition has none */
    record Partition(int id, int leader, List<Integer> replicas) {
    }

    record TopicConfig(String name, String value, boolean isDefault, boolean readOnly, boolean sensitive,
                       String source, List<ConfigSynonym> synonyms) {
    }

    record ConfigSynonym(String name, String value, String source) {
    }

    /** @param partitionsCount null for the broker default; likewise replicationFactor */
    record NewTopic(String name, Integer partitionsCount, Short replicationFactor, Map<String, String> configs) {
    }

    /** @param value null resets the config to its default */
    record ConfigChange(String name, String value) {
    }

    /** @param coordinator the coordinator's broker id, -1 when unknown */
    record ConsumerGroup(String id, boolean simple, String partitionAssignor, String state, int coordinator,
                         List<Member> members) {
    }

    /** @param instanceId null for a dynamic member */
    record Member(String consumerId, String instanceId, String clientId, List<PartitionRef> assignment) {
    }

    record PartitionRef(String topic, int partition) {
    }
}
