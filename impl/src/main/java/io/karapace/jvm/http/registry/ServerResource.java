package io.karapace.jvm.http.registry;

import io.karapace.jvm.api.registry.ServerApi;
import io.karapace.jvm.api.registry.model.HealthDetails;
import io.karapace.jvm.api.registry.model.HealthStatus;
import io.karapace.jvm.api.registry.model.ServerClusterId;
import io.karapace.jvm.api.registry.model.ServerVersion;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

public final class ServerResource implements ServerApi {
    private final Supplier<Replay> replay;
    private final ServerInfo info;

    /** How far the schemas topic has been read: ready once the end seen at start is reached. */
    public record Replay(boolean ready, long currentOffset, long highestOffset) {
    }

    /** Facts about this server that the metadata and health endpoints report. */
    public record ServerInfo(String version, String groupId, Supplier<String> kafkaClusterId,
                             long startedAtMillis) {
    }

    public ServerResource(Supplier<Replay> replay, ServerInfo info) {
        this.replay = replay;
        this.info = info;
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
        HealthStatus status = new HealthStatus()
                .karapaceVersion(info.version())
                .healthy(ready)
                .status(new HealthDetails()
                        .schemaRegistryReady(ready)
                        .schemaRegistryStartupTimeSec((System.currentTimeMillis() - info.startedAtMillis()) / 1000.0)
                        .schemaRegistryReaderCurrentOffset(progress.currentOffset())
                        .schemaRegistryReaderHighestOffset(progress.highestOffset())
                        .schemaRegistryIsPrimary(true));
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
