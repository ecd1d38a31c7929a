package io.karapace.jvm.http.proxy.v3;

import io.karapace.jvm.api.proxy.v3.V3TopicsApi;
import io.karapace.jvm.api.proxy.v3.model.V3ConfigEntry;
import io.karapace.jvm.api.proxy.v3.model.V3CreateTopicRequest;
import io.karapace.jvm.api.proxy.v3.model.V3Partition;
import io.karapace.jvm.api.proxy.v3.model.V3PartitionList;
import io.karapace.jvm.api.proxy.v3.model.V3Topic;
import io.karapace.jvm.api.proxy.v3.model.V3TopicList;
import io.karapace.jvm.api.proxy.v3.model.V3UpdatePartitionCountRequest;
import io.karapace.jvm.proxy.v3.ClusterAdmin;
import io.karapace.jvm.proxy.v3.V3Admin;
import io.karapace.jvm.proxy.v3.V3Exception;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Topics and their partitions: list, create (201, or 200 when only validated), describe, grow, delete. */
public final class V3TopicsResource implements V3TopicsApi {
    private final V3Admin admin;
    private final V3Links links;

    public V3TopicsResource(V3Admin admin, V3Links links) {
        this.admin = admin;
        this.links = links;
    }

    @Override
    public Response listTopicsV3(String clusterId) {
        List<V3Topic> topics = admin.topics(clusterId).stream().map(t -> topic(clusterId, t)).toList();
        return Response.ok(new V3TopicList().kind("KafkaTopicList")
                .metadata(links.list(links.url(clusterId, "topics"))).data(topics)).build();
    }

    @Override
    public Response createTopicV3(String clusterId, V3CreateTopicRequest request) {
        if (request == null) {
            throw V3Exception.badRequest("The request body must be a topic to create");
        }
        boolean validateOnly = Boolean.TRUE.equals(request.getValidateOnly());
        Short replication = request.getReplicationFactor() == null ? null
                : request.getReplicationFactor().shortValue();
        ClusterAdmin.Topic created = admin.createTopic(clusterId, new ClusterAdmin.NewTopic(request.getTopicName(),
                request.getPartitionsCount(), replication, configs(request.getConfigs())), validateOnly);
        return Response.status(validateOnly ? 200 : 201).entity(topic(clusterId, created)).build();
    }

    private static Map<String, String> configs(List<V3ConfigEntry> entries) {
        Map<String, String> configs = new LinkedHashMap<>();
        if (entries != null) {
            for (V3ConfigEntry entry : entries) {
                if (entry == null || entry.getName() == null) {
                    throw V3Exception.badRequest("Every config needs a name");
                }
                configs.put(entry.getName(), entry.getValue());
            }
        }
        return configs;
    }

    @Override
    public Response getTopicV3(String clusterId, String topicName) {
        return Response.ok(topic(clusterId, admin.topic(clusterId, topicName))).build();
    }

    @Override
    public Response updatePartitionCountV3(String clusterId, String topicName, V3UpdatePartitionCountRequest request) {
        Integer count = request == null ? null : request.getPartitionsCount();
        return Response.ok(topic(clusterId, admin.increasePartitions(clusterId, topicName, count))).build();
    }

    @Override
    public Response deleteTopicV3(String clusterId, String topicName) {
        admin.deleteTopic(clusterId, topicName);
        return Response.noContent().build();
    }

    @Override
    public Response listPartitionsV3(String clusterId, String topicName) {
        List<V3Partition> partitions = admin.partitions(clusterId, topicName).stream()
                .map(p -> partition(clusterId, topicName, p)).toList();
        return Response.ok(new V3PartitionList().kind("KafkaPartitionList")
                .metadata(links.list(links.url(clusterId, "topics", topicName, "partitions"))).data(partitions)).build();
    }

    @Override
    public Response getPartitionV3(String clusterId, String topicName, Integer partitionId) {
        return Response.ok(partition(clusterId, topicName, admin.partition(clusterId, topicName, partitionId))).build();
    }

    private V3Topic topic(String clusterId, ClusterAdmin.Topic topic) {
        String name = topic.name();
        return new V3Topic().kind("KafkaTopic")
                .metadata(links.metadata(links.url(clusterId, "topics", name), V3Links.crn(clusterId, "topic=" + name)))
                .clusterId(clusterId)
                .topicName(name)
                .isInternal(topic.internal())
                .replicationFactor(topic.replicationFactor())
                .partitionsCount(topic.partitions().size())
                .partitions(links.related(links.url(clusterId, "topics", name, "partitions")))
                .configs(links.related(links.url(clusterId, "topics", name, "configs")))
                .partitionReassignments(links.related(links.url(clusterId, "topics", name, "partitions", "-",
                        "reassignment")));
    }

    private V3Partition partition(String clusterId, String topic, ClusterAdmin.Partition partition) {
        String id = Integer.toString(partition.id());
        return new V3Partition().kind("KafkaPartition")
                .metadata(links.metadata(links.url(clusterId, "topics", topic, "partitions", id),
                        V3Links.crn(clusterId, "topic=" + topic, "partition=" + id)))
                .clusterId(clusterId)
                .topicName(topic)
                .partitionId(partition.id())
                .leader(partition.leader() < 0 ? null : links.related(links.url(clusterId, "topics", topic,
                        "partitions", id, "replicas", Integer.toString(partition.leader()))))
                .replicas(links.related(links.url(clusterId, "topics", topic, "partitions", id, "replicas")))
                .reassignment(links.related(links.url(clusterId, "topics", topic, "partitions", id, "reassignment")));
    }
}
