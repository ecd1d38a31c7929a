package io.karapace.jvm.proxy.v3;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The v3 admin operations: every call first checks that the URL names this proxy's cluster, then
 * asks {@link ClusterAdmin}. Answers are the admin's records; the HTTP layer adds links.
 */
public final class V3Admin {
    private final ClusterAdmin admin;

    public V3Admin(ClusterAdmin admin) {
        this.admin = admin;
    }

    /** The cluster id when it is this proxy's cluster; otherwise "Cluster X cannot be found.". */
    public String requireCluster(String clusterId) {
        String id = admin.clusterId();
        if (!id.equals(clusterId)) {
            throw V3Exception.clusterNotFound(clusterId);
        }
        return id;
    }

    public String clusterId() {
        return admin.clusterId();
    }

    public int controllerId() {
        return admin.controllerId();
    }

    public List<ClusterAdmin.Broker> brokers(String clusterId) {
        requireCluster(clusterId);
        return admin.brokers();
    }

    public ClusterAdmin.Broker broker(String clusterId, int brokerId) {
        return brokers(clusterId).stream().filter(b -> b.id() == brokerId).findFirst()
                .orElseThrow(() -> V3Exception.notFound("Broker " + brokerId + " cannot be found."));
    }

    public List<ClusterAdmin.Topic> topics(String clusterId) {
        requireCluster(clusterId);
        return admin.topics(admin.topicNames());
    }

    public ClusterAdmin.Topic topic(String clusterId, String topic) {
        requireCluster(clusterId);
        return admin.topic(topic);
    }

    /** Creates the topic (or only validates the request) and answers it as Kafka then describes it. */
    public ClusterAdmin.Topic createTopic(String clusterId, ClusterAdmin.NewTopic topic, boolean validateOnly) {
        requireCluster(clusterId);
        if (topic.name() == null || topic.name().isBlank()) {
            throw V3Exception.badRequest("topic_name must be given");
        }
        admin.createTopic(topic, validateOnly);
        if (validateOnly) {
            int partitions = topic.partitionsCount() == null ? -1 : topic.partitionsCount();
            int replication = topic.replicationFactor() == null ? -1 : topic.replicationFactor();
            return new ClusterAdmin.Topic(topic.name(), false, replication,
                    IntStream.range(0, Math.max(partitions, 0))
                            .mapToObj(p -> new ClusterAdmin.Partition(p, -1, List.of())).toList());
        }
        return admin.topic(topic.name());
    }

    public void deleteTopic(String clusterId, String topic) {
        requireCluster(clusterId);
        admin.deleteTopic(topic);
    }

    public ClusterAdmin.Topic increasePartitions(String clusterId, String topic, Integer partitionsCount) {
        requireCluster(clusterId);
        if (partitionsCount == null) {
            throw V3Exception.badRequest("partitions_count must be given");
        }
        admin.increasePartitions(topic, partitionsCount);
        return admin.topic(topic);
    }

    public List<ClusterAdmin.Partition> partitions(String clusterId, String topic) {
        return topic(clusterId, topic).partitions();
    }

    public ClusterAdmin.Partition partition(String clusterId, String topic, int partition) {
        return partitions(clusterId, topic).stream().filter(p -> p.id() == partition).findFirst()
                .orElseThrow(() -> V3Exception.notFound("Partition " + partition + " of topic " + topic
                        + " cannot be found."));
    }

    public List<ClusterAdmin.TopicConfig> topicConfigs(String clusterId, String topic) {
        requireCluster(clusterId);
        return admin.topicConfigs(topic);
    }

    public ClusterAdmin.TopicConfig topicConfig(String clusterId, String topic, String name) {
        return topicConfigs(clusterId, topic).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> configNotFound(clusterId, topic, name));
    }

    /** Sets one config; Confluent answers 404 for a name the topic does not have. */
    public void updateTopicConfig(String clusterId, String topic, String name, String value) {
        topicConfig(clusterId, topic, name);
        admin.alterTopicConfigs(topic, List.of(new ClusterAdmin.ConfigChange(name, value)));
    }

    public void resetTopicConfig(String clusterId, String topic, String name) {
        topicConfig(clusterId, topic, name);
        admin.alterTopicConfigs(topic, List.of(new ClusterAdmin.ConfigChange(name, null)));
    }

    /** A batch of SET (the default) and DELETE operations, applied together. */
    public void alterTopicConfigs(String clusterId, String topic, List<AlterEntry> entries) {
        requireCluster(clusterId);
        List<ClusterAdmin.ConfigChange> changes = new ArrayList<>();
        for (AlterEntry entry : entries) {
            if (entry.name() == null || entry.name().isBlank()) {
                throw V3Exception.badRequest("Every config to alter needs a name");
            }
            String operation = entry.operation() == null ? "SET" : entry.operation().toUpperCase(Locale.ROOT);
            switch (operation) {
                case "SET" -> changes.add(new ClusterAdmin.ConfigChange(entry.name(), entry.value()));
                case "DELETE" -> changes.add(new ClusterAdmin.ConfigChange(entry.name(), null));
                default -> throw V3Exception.badRequest("Unknown config operation " + entry.operation()
                        + ": expected SET or DELETE");
            }
        }
        admin.alterTopicConfigs(topic, changes);
    }

    /** One entry of configs:alter. */
    public record AlterEntry(String name, String value, String operation) {
    }

    public List<ClusterAdmin.ConsumerGroup> consumerGroups(String clusterId) {
        requireCluster(clusterId);
        return admin.consumerGroupIds().stream().map(admin::consumerGroup).toList();
    }

    public ClusterAdmin.ConsumerGroup consumerGroup(String clusterId, String groupId) {
        requireCluster(clusterId);
        return admin.consumerGroup(groupId);
    }

    /**
     * The lag of each partition the group committed an offset for is the end offset minus the
     * committed one; the summary keeps the largest (the first in topic and partition order on a tie)
     * and the sum.
     */
    public LagSummary lagSummary(String clusterId, String groupId) {
        ClusterAdmin.ConsumerGroup group = consumerGroup(clusterId, groupId);
        Map<ClusterAdmin.PartitionRef, Long> committed = admin.committedOffsets(groupId);
        Map<ClusterAdmin.PartitionRef, Long> ends = admin.endOffsets(committed.keySet());
        Map<ClusterAdmin.PartitionRef, ClusterAdmin.Member> owners = owners(group);
        List<ClusterAdmin.PartitionRef> ordered = committed.keySet().stream()
                .sorted(Comparator.comparing(ClusterAdmin.PartitionRef::topic)
                        .thenComparingInt(ClusterAdmin.PartitionRef::partition))
                .toList();
        long total = 0;
        long max = -1;
        ClusterAdmin.PartitionRef maxAt = null;
        for (ClusterAdmin.PartitionRef partition : ordered) {
            long lag = Math.max(0, ends.getOrDefault(partition, 0L) - committed.get(partition));
            total += lag;
            if (lag > max) {
                max = lag;
                maxAt = partition;
            }
        }
        if (maxAt == null) {
            return new LagSummary(groupId, 0, 0, null, -1, null, null, null);
        }
        ClusterAdmin.Member owner = owners.get(maxAt);
        return new LagSummary(groupId, max, total, maxAt.topic(), maxAt.partition(),
                owner == null ? "" : owner.consumerId(), owner == null ? null : owner.instanceId(),
                owner == null ? "" : owner.clientId());
    }

    private static Map<ClusterAdmin.PartitionRef, ClusterAdmin.Member> owners(ClusterAdmin.ConsumerGroup group) {
        return group.members().stream()
                .flatMap(member -> member.assignment().stream().map(p -> Map.entry(p, member)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    private static V3Exception configNotFound(String clusterId, String topic, String name) {
        return V3Exception.notFound("Config " + name + " cannot be found for topic " + topic + " in cluster "
                + clusterId + ".");
    }
}
