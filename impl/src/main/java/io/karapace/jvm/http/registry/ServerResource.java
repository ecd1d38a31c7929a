package io.karapace.jvm.http.registry;

import io.karapace.jvm.api.registry.ServerApi;
import io.karapace.jvm.api.registry.model.HealthDetails;
import io.karapace.jvm.api.registry.model.HealthStatus;
import io.karapace.jvm.api.registry.model.MasterAvailable;
import io.karapace.jvm.api.registry.model.ServerClusterId;
import io.karapace.jvm.api.registry.model.ServerVersion;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

public final class ServerResource implements ServerApi {
    private final Supplier<Replay> replay;
    private final ServerInfo info;
    private final Supplier<ClusterStatus> cluster;

    /** How far the schemas topic has been read: ready once the end seen at start is reached. */
    public record Replay(boolean ready, long currentOffset, long highestOffset) {
    }

    /** Facts about this server that the metadata and health endpoints report. */
    public record ServerInfo(String version, String groupId, Supplier<String> kafkaClusterId,
                             long startedAtMillis) {
    }

    /**
     * This node's part in the election group as {@code /_health} reports it (API.md D.3);
     * {@code primaryAvailable} answers {@code /master_available}.
     */
    public record ClusterStatus(boolean primary, boolean eligible, String primaryUrl, boolean coordinatorRunning,
                                int generation, BooleanSupplier primaryAvailable) {
        /** A process that serves no registry takes part in no election. */
        public static final ClusterStatus NONE = new ClusterStatus(false, false, null, false, -1, () -> false);
    }

    public ServerResource(Supplier<Replay> replay, ServerInfo info, Supplier<ClusterStatus> cluster) {
        this.replay = replay;
        this.info = info;
        this.cluster = cluster;
    }

    @Override
    public MasterAvailable getMasterAvailable() {
        return new MasterAvailable().masterAvailable(cluster.get().primaryAvailable().getAsBoolean());
    }

    @Override
    public Map<String, Object> getRoot() {
        return Map.of();
    }

    @Override
    public Map<String, Object> postRoot(Map<String, Object> body) {
        return Map.of();
    }

    @Override
    public HealthStatus getHealth() {
        Replay progress = replay.get();
        boolean ready = progress.ready();
        ClusterStatus node = cluster.get();
        HealthStatus status = new HealthStatus()
                .karapaceVersion(info.version())
                .healthy(ready)
                .status(new HealthDetails()
                        .schemaRegistryReady(ready)
                        .schemaRegistryStartupTimeSec((System.currentTimeMillis() - info.startedAtMillis()) / 1000.0)
                        .schemaRegistryReaderCurrentOffset(progress.currentOffset())
                        .schemaRegistryReaderHighestOffset(progress.highestOffset())
                        .schemaRegistryIsPrimary(node.primary())
                        .schemaRegistryIsPrimaryEligible(node.eligible())
                        .schemaRegistryPrimaryUrl(node.primaryUrl())
                        .schemaRegistryCoordinatorRunning(node.coordinatorRunning())
                        .schemaRegistryCoordinatorGenerationId(node.generation()));
        if (!ready) {
            throw new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(status).build());
        }
        return status;
    }

    @Override
    public List<String> getContexts(Integer offset, Integer limit) {
        return RegistryModels.page(List.of("."), offset, limit);
    }

    @Override
    public ServerClusterId getClusterId() {
        Map<String, Object> clusters = Map.of("kafka-cluster", info.kafkaClusterId().get(),
                "schema-registry-cluster", info.groupId());
        return new ServerClusterId().scope(Map.of("path", List.of(), "clusters", clusters));
    }

    @Override
    public ServerVersion getServerVersion() {
        return new ServerVersion().version(info.version());
    }
}
