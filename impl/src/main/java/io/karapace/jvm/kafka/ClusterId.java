package io.karapace.jvm.kafka;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/** Reads the Kafka cluster id once and remembers it. */
public final class ClusterId {
    private final KafkaClientSettings settings;
    private volatile String id;

    public ClusterId(KafkaClientSettings settings) {
        this.settings = settings;
    }

    /** The cluster id, or "unknown" while Kafka cannot be asked. */
    public String get() {
        if (id == null) {
            try (Admin admin = Admin.create(settings.properties())) {
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
