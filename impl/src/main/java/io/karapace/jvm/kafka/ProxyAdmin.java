package io.karapace.jvm.kafka;

import io.karapace.jvm.kafka.v3.KafkaClusterAdmin;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The REST proxy's one admin client: v2's metadata and v3's cluster admin both read Kafka through it,
 * each translating Kafka's errors into its own API's terms. Closing this closes the client.
 */
public final class ProxyAdmin implements AutoCloseable {
    private final Admin admin;
    private final KafkaClusterMetadata metadata;
    private final KafkaClusterAdmin clusterAdmin;

    public ProxyAdmin(KafkaClients clients) {
        this.admin = clients.admin("proxy-admin", Map.of());
        PartitionCounts partitionCounts = new PartitionCounts(admin);
        this.metadata = new KafkaClusterMetadata(admin, partitionCounts);
        this.clusterAdmin = new KafkaClusterAdmin(admin, partitionCounts);
    }

    public KafkaClusterMetadata metadata() {
        return metadata;
    }

    public KafkaClusterAdmin clusterAdmin() {
        return clusterAdmin;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
