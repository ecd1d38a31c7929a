package io.karapace.jvm.http.proxy;

import io.karapace.jvm.api.proxy.TopicsApi;
import io.karapace.jvm.api.proxy.model.Partition;
import io.karapace.jvm.api.proxy.model.PartitionOffsets;
import io.karapace.jvm.api.proxy.model.ProduceRequest;
import io.karapace.jvm.api.proxy.model.ProduceResponse;
import io.karapace.jvm.api.proxy.model.Topic;
import io.karapace.jvm.proxy.ClusterMetadata;
import io.karapace.jvm.proxy.ProduceService;
import io.karapace.jvm.proxy.ProxyError;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Topic and partition metadata, and produce; every answer completes asynchronously. */
public final class TopicsResource implements TopicsApi {
    private final ClusterMetadata metadata;
    private final ProduceService producer;

    /** The generated interface has no header parameters; the produce Content-Type names the format. */
    @Context
    private HttpHeaders headers;

    public TopicsResource(ClusterMetadata metadata, ProduceService producer) {
        this.metadata = metadata;
        this.producer = producer;
    }

    @Override
    public CompletionStage<List<String>> listTopics() {
        return metadata.topicNames();
    }

    @Override
    public CompletionStage<Topic> getTopic(String topic) {
        return metadata.topic(topic).thenApply(ProxyModels::topic);
    }

    @Override
    public CompletionStage<List<Partition>> listPartitions(String topic) {
        return metadata.partitions(topic).thenApply(ProxyModels::partitions);
    }

    @Override
    public CompletionStage<Partition> getPartition(String topic, Integer partition) {
        return metadata.partitions(topic).thenApply(all -> all.stream()
                .filter(p -> p.partition() == partition)
                .findFirst()
                .map(ProxyModels::partition)
                .orElseThrow(ProxyError.PARTITION_NOT_FOUND::exception));
    }

    @Override
    public CompletionStage<PartitionOffsets> getPartitionOffsets(String topic, Integer partition) {
        return metadata.offsets(topic, partition).thenApply(ProxyModels::offsets);
    }

    @Override
    public CompletionStage<ProduceResponse> produceToTopic(String topic, ProduceRequest request) {
        return produce(topic, null, request);
    }

    @Override
    public CompletionStage<ProduceResponse> produceToPartition(String topic, Integer partition, ProduceRequest request) {
        return produce(topic, partition, request);
    }

    private CompletionStage<ProduceResponse> produce(String topic, Integer partition, ProduceRequest request) {
        return producer.produce(ProxyModels.batch(topic, partition, ProxyModels.format(headers.getMediaType()), request))
                .thenApply(ProxyModels::response);
    }
}
