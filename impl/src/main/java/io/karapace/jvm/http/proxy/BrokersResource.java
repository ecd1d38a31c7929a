package io.karapace.jvm.http.proxy;

import io.karapace.jvm.api.proxy.BrokersApi;
import io.karapace.jvm.api.proxy.model.BrokerList;
import io.karapace.jvm.proxy.ClusterMetadata;
import java.util.concurrent.CompletionStage;

public final class BrokersResource implements BrokersApi {
    private final ClusterMetadata metadata;

    public BrokersResource(ClusterMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public CompletionStage<BrokerList> listBrokers() {
        return metadata.brokerIds().thenApply(ids -> new BrokerList().brokers(ids));
    }
}
