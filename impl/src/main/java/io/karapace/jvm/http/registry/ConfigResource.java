package io.karapace.jvm.http.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.api.registry.ConfigApi;
import io.karapace.jvm.api.registry.model.Config;
import io.karapace.jvm.api.registry.model.ConfigUpdateRequest;
import io.karapace.jvm.http.Json;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.registry.RegistryWrites;
import io.karapace.jvm.registry.WriteOrigin;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

public final class ConfigResource implements ConfigApi {
    private final RegistryService registry;
    private final RegistryWrites writes;
    @Context
    private HttpHeaders headers;

    public ConfigResource(RegistryService registry, RegistryWrites writes) {
        this.registry = registry;
        this.writes = writes;
    }

    private WriteOrigin origin() {
        return WriteOrigin.from(headers::getHeaderString);
    }

    @Override
    public Config getTopLevelConfig(Boolean defaultToGlobal) {
        return config(registry.globalConfig());
    }

    @Override
    public ConfigUpdateRequest updateTopLevelConfig(ConfigUpdateRequest body) {
        return update(null, body);
    }

    @Override
    public Config deleteTopLevelConfig() {
        return config(writes.deleteConfig(null, origin()));
    }

    @Override
    public Config getSubjectLevelConfig(String subject, Boolean defaultToGlobal) {
        return config(registry.subjectConfig(subject, defaultToGlobal));
    }

    @Override
    public ConfigUpdateRequest updateSubjectLevelConfig(String subject, ConfigUpdateRequest body) {
        return update(subject, body);
    }

    @Override
    public Config deleteSubjectConfig(String subject) {
        return config(writes.deleteConfig(subject, origin()));
    }

    private ConfigUpdateRequest update(String subject, ConfigUpdateRequest body) {
        ObjectNode update = body == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.valueToTree(body);
        return Json.MAPPER.convertValue(writes.updateConfig(subject, update, origin()), ConfigUpdateRequest.class);
    }

    private static Config config(ObjectNode stored) {
        return Json.MAPPER.convertValue(stored, Config.class);
    }
}
