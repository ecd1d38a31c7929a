package io.karapace.jvm.http.proxy.v3;

import io.karapace.jvm.api.proxy.v3.V3ClustersApi;
import io.karapace.jvm.api.proxy.v3.model.V3Broker;
import io.karapace.jvm.api.proxy.v3.model.V3BrokerList;
import io.karapace.jvm.api.proxy.v3.model.V3Cluster;
import io.karapace.jvm.api.proxy.v3.model.V3ClusterList;
import io.karapace.jvm.proxy.v3.ClusterAdmin;
import io.karapace.jvm.proxy.v3.V3Admin;
import io.karapace.jvm.proxy.v3.V3Exception;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The one cluster this proxy talks to, and its brokers. */
public final class V3ClustersResource implements V3ClustersApi {
    private final V3Admin admin;
    private final V3Links links;

    public V3ClustersResource(V3Admin admin, V3Links links) {
        this.admin = admin;
        this.links = links;
    }

    @Override
    public Response listClustersV3() {
        return Response.ok(new V3ClusterList().kind("KafkaClusterList").metadata(links.list(links.clustersUrl()))
                .data(List.of(cluster(admin.clusterId())))).build();
    }

    @Override
    public Response getClusterV3(String clusterId) {
        if (!admin.clusterId().equals(clusterId)) {
            throw V3Exception.notFound("HTTP 404 Not Found");
        }
        return Response.ok(cluster(clusterId)).build();
    }

    @Override
    public Response listBrokersV3(String clusterId) {
        List<V3Broker> brokers = admin.brokers(clusterId).stream().map(b -> broker(clusterId, b)).toList();
        return Response.ok(new V3BrokerList().kind("KafkaBrokerList")
                .metadata(links.list(links.url(clusterId, "brokers"))).data(brokers)).build();
    }

    @Override
    public Response getBrokerV3(String clusterId, Integer brokerId) {
        return Response.ok(broker(clusterId, admin.broker(clusterId, brokerId))).build();
    }

    private V3Cluster cluster(String id) {
        int controller = admin.controllerId();
        return new V3Cluster().kind("KafkaCluster")
                .metadata(links.metadata(links.url(id), V3Links.crn(id)))
                .clusterId(id)
                .controller(controller < 0 ? null : links.related(links.url(id, "brokers", Integer.toString(controller))))
                .acls(links.related(links.url(id, "acls")))
                .brokers(links.related(links.url(id, "brokers")))
                .brokerConfigs(links.related(links.url(id, "broker-configs")))
                .consumerGroups(links.related(links.url(id, "consumer-groups")))
                .topics(links.related(links.url(id, "topics")))
                .partitionReassignments(links.related(links.url(id, "topics", "-", "partitions", "-", "reassignment")));
    }

    private V3Broker broker(String clusterId, ClusterAdmin.Broker broker) {
        String id = Integer.toString(broker.id());
        return new V3Broker().kind("KafkaBroker")
                .metadata(links.metadata(links.url(clusterId, "brokers", id), V3Links.crn(clusterId, "broker=" + id)))
                .clusterId(clusterId)
                .brokerId(broker.id())
                .host(broker.host())
                .port(broker.port())
                .rack(broker.rack())
                .configs(links.related(links.url(clusterId, "brokers", id, "configs")))
                .partitionReplicas(links.related(links.url(clusterId, "brokers", id, "partition-replicas")));
    }
}
