package io.karapace.jvm.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/** Reads the Kafka cluster id once and remembers it. */
public final class ClusterId {
    private final KafkaClients clients;
    private volatile String id;

    public ClusterId(KafkaClients clients) {
        this.clients = clients;
    }

    /** The cluster id, or "unknown" while Kafka cannot be asked. */
    public String get() {
        if (id == null) {
            try (Admin admin = clients.admin("cluster-id", Map.of())) {
                id = admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return "unknown";
            }
        }
        return id;
    }
}
