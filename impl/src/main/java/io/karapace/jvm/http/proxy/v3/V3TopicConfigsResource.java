package io.karapace.jvm.http.proxy.v3;

import io.karapace.jvm.api.proxy.v3.V3TopicConfigsApi;
import io.karapace.jvm.api.proxy.v3.model.V3AlterConfigBatchRequest;
import io.karapace.jvm.api.proxy.v3.model.V3ConfigSynonym;
import io.karapace.jvm.api.proxy.v3.model.V3TopicConfig;
import io.karapace.jvm.api.proxy.v3.model.V3TopicConfigList;
import io.karapace.jvm.api.proxy.v3.model.V3UpdateConfigRequest;
import io.karapace.jvm.proxy.v3.ClusterAdmin;
import io.karapace.jvm.proxy.v3.V3Admin;
import io.karapace.jvm.proxy.v3.V3Exception;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A topic's configs: list, read one, set one, reset one, and alter several at once (all 204). */
public final class V3TopicConfigsResource implements V3TopicConfigsApi {
    private final V3Admin admin;
    private final V3Links links;

    public V3TopicConfigsResource(V3Admin admin, V3Links links) {
        this.admin = admin;
        this.links = links;
    }

    @Override
    public Response listTopicConfigsV3(String clusterId, String topicName) {
        List<V3TopicConfig> configs = admin.topicConfigs(clusterId, topicName).stream()
                .map(c -> config(clusterId, topicName, c)).toList();
        return Response.ok(new V3TopicConfigList().kind("KafkaTopicConfigList")
                .metadata(links.list(links.url(clusterId, "topics", topicName, "configs"))).data(configs)).build();
    }

    @Override
    public Response getTopicConfigV3(String clusterId, String topicName, String name) {
        return Response.ok(config(clusterId, topicName, admin.topicConfig(clusterId, topicName, name))).build();
    }

    @Override
    public Response updateTopicConfigV3(String clusterId, String topicName, String name, V3UpdateConfigRequest request) {
        if (request == null || request.getValue() == null) {
            throw V3Exception.badRequest("The request body must give the config's value");
        }
        admin.updateTopicConfig(clusterId, topicName, name, request.getValue());
        return Response.noContent().build();
    }

    @Override
    public Response resetTopicConfigV3(String clusterId, String topicName, String name) {
        admin.resetTopicConfig(clusterId, topicName, name);
        return Response.noContent().build();
    }

    @Override
    public Response alterTopicConfigsV3(String clusterId, String topicName, V3AlterConfigBatchRequest request) {
        if (request == null || request.getData() == null) {
            throw V3Exception.badRequest("The request body must list the configs to alter in data");
        }
        admin.alterTopicConfigs(clusterId, topicName, request.getData().stream()
                .map(e -> e == null ? new V3Admin.AlterEntry(null, null, null)
                        : new V3Admin.AlterEntry(e.getName(), e.getValue(), e.getOperation()))
                .toList());
        return Response.noContent().build();
    }

    private V3TopicConfig config(String clusterId, String topic, ClusterAdmin.TopicConfig config) {
        return new V3TopicConfig().kind("KafkaTopicConfig")
                .metadata(links.metadata(links.url(clusterId, "topics", topic, "configs", config.name()),
                        V3Links.crn(clusterId, "topic=" + topic, "config=" + config.name())))
                .clusterId(clusterId)
                .topicName(topic)
                .name(config.name())
                .value(config.value())
                .isDefault(config.isDefault())
                .isReadOnly(config.readOnly())
                .isSensitive(config.sensitive())
                .source(config.source())
                .synonyms(config.synonyms().stream().map(s -> new V3ConfigSynonym()
                        .name(s.name()).value(s.value()).source(s.source())).toList());
    }
}
