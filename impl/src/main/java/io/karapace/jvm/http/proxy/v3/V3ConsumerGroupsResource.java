package io.karapace.jvm.http.proxy.v3;

import io.karapace.jvm.api.proxy.v3.V3ConsumerGroupsApi;
import io.karapace.jvm.api.proxy.v3.model.V3Consumer;
import io.karapace.jvm.api.proxy.v3.model.V3ConsumerGroup;
import io.karapace.jvm.api.proxy.v3.model.V3ConsumerGroupList;
import io.karapace.jvm.api.proxy.v3.model.V3ConsumerList;
import io.karapace.jvm.api.proxy.v3.model.V3LagSummary;
import io.karapace.jvm.proxy.v3.ClusterAdmin;
import io.karapace.jvm.proxy.v3.LagSummary;
import io.karapace.jvm.proxy.v3.V3Admin;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Consumer groups, their members and their lag summary. */
public final class V3ConsumerGroupsResource implements V3ConsumerGroupsApi {
    private final V3Admin admin;
    private final V3Links links;

    public V3ConsumerGroupsResource(V3Admin admin, V3Links links) {
        this.admin = admin;
        this.links = links;
    }

    @Override
    public Response listConsumerGroupsV3(String clusterId) {
        List<V3ConsumerGroup> groups = admin.consumerGroups(clusterId).stream()
                .map(g -> group(clusterId, g)).toList();
        return Response.ok(new V3ConsumerGroupList().kind("KafkaConsumerGroupList")
                .metadata(links.list(links.url(clusterId, "consumer-groups"))).data(groups)).build();
    }

    @Override
    public Response getConsumerGroupV3(String clusterId, String consumerGroupId) {
        return Response.ok(group(clusterId, admin.consumerGroup(clusterId, consumerGroupId))).build();
    }

    @Override
    public Response listConsumersV3(String clusterId, String consumerGroupId) {
        List<V3Consumer> consumers = admin.consumerGroup(clusterId, consumerGroupId).members().stream()
                .map(m -> consumer(clusterId, consumerGroupId, m)).toList();
        return Response.ok(new V3ConsumerList().kind("KafkaConsumerList")
                .metadata(links.list(links.url(clusterId, "consumer-groups", consumerGroupId, "consumers")))
                .data(consumers)).build();
    }

    @Override
    public Response getLagSummaryV3(String clusterId, String consumerGroupId) {
        LagSummary lag = admin.lagSummary(clusterId, consumerGroupId);
        String group = lag.groupId();
        V3LagSummary summary = new V3LagSummary().kind("KafkaConsumerGroupLagSummary")
                .metadata(links.metadata(links.url(clusterId, "consumer-groups", group, "lag-summary"),
                        V3Links.crn(clusterId, "consumer-group=" + group, "lag-summary")))
                .clusterId(clusterId)
                .consumerGroupId(group)
                .maxLagConsumerId(lag.maxLagConsumerId())
                .maxLagInstanceId(lag.maxLagInstanceId())
                .maxLagClientId(lag.maxLagClientId())
                .maxLagTopicName(lag.maxLagTopic())
                .maxLagPartitionId(lag.maxLagTopic() == null ? null : lag.maxLagPartition())
                .maxLag(lag.maxLag())
                .totalLag(lag.totalLag());
        if (lag.maxLagConsumerId() != null && !lag.maxLagConsumerId().isEmpty()) {
            summary.maxLagConsumer(links.related(links.url(clusterId, "consumer-groups", group, "consumers",
                    lag.maxLagConsumerId())));
        }
        if (lag.maxLagTopic() != null) {
            summary.maxLagPartition(links.related(links.url(clusterId, "topics", lag.maxLagTopic(), "partitions",
                    Integer.toString(lag.maxLagPartition()))));
        }
        return Response.ok(summary).build();
    }

    private V3ConsumerGroup group(String clusterId, ClusterAdmin.ConsumerGroup group) {
        String id = group.id();
        return new V3ConsumerGroup().kind("KafkaConsumerGroup")
                .metadata(links.metadata(links.url(clusterId, "consumer-groups", id),
                        V3Links.crn(clusterId, "consumer-group=" + id)))
                .clusterId(clusterId)
                .consumerGroupId(id)
                .isSimple(group.simple())
                .partitionAssignor(group.partitionAssignor())
                .state(group.state())
                .coordinator(group.coordinator() < 0 ? null
                        : links.related(links.url(clusterId, "brokers", Integer.toString(group.coordinator()))))
                .consumers(links.related(links.url(clusterId, "consumer-groups", id, "consumers")))
                .lagSummary(links.related(links.url(clusterId, "consumer-groups", id, "lag-summary")));
    }

    private V3Consumer consumer(String clusterId, String group, ClusterAdmin.Member member) {
        String id = member.consumerId();
        return new V3Consumer().kind("KafkaConsumer")
                .metadata(links.metadata(links.url(clusterId, "consumer-groups", group, "consumers", id),
                        V3Links.crn(clusterId, "consumer-group=" + group, "consumer=" + id)))
                .clusterId(clusterId)
                .consumerGroupId(group)
                .consumerId(id)
                .instanceId(member.instanceId())
                .clientId(member.clientId())
                .assignments(links.related(links.url(clusterId, "consumer-groups", group, "consumers", id,
                        "assignments")));
    }
}
