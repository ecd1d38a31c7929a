package io.karapace.jvm.http.registry;

import io.karapace.jvm.api.registry.ModeApi;
import io.karapace.jvm.api.registry.model.Mode;
import io.karapace.jvm.api.registry.model.ModeUpdateRequest;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.registry.RegistryWrites;
import io.karapace.jvm.registry.WriteOrigin;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

public final class ModeResource implements ModeApi {
    private final RegistryService registry;
    private final RegistryWrites writes;
    @Context
    private HttpHeaders headers;

    public ModeResource(RegistryService registry, RegistryWrites writes) {
        this.registry = registry;
        this.writes = writes;
    }

    private WriteOrigin origin() {
        return WriteOrigin.from(headers::getHeaderString);
    }

    @Override
    public Mode getTopLevelMode(Boolean defaultToGlobal) {
        return mode(registry.globalMode());
    }

    @Override
    public Mode updateTopLevelMode(ModeUpdateRequest body, Boolean force) {
        return mode(writes.updateMode(null, body == null ? null : body.getMode(), force, origin()));
    }

    @Override
    public Mode deleteTopLevelMode() {
        return mode(writes.deleteMode(null, origin()));
    }

    @Override
    public Mode getSubjectMode(String subject, Boolean defaultToGlobal) {
        return mode(registry.subjectMode(subject, defaultToGlobal));
    }

    @Override
    public Mode updateSubjectMode(String subject, ModeUpdateRequest body, Boolean force) {
        return mode(writes.updateMode(subject, body == null ? null : body.getMode(), force, origin()));
    }

    @Override
    public Mode deleteSubjectMode(String subject) {
        return mode(writes.deleteMode(subject, origin()));
    }

    private static Mode mode(io.karapace.jvm.registry.Mode mode) {
        return new Mode().mode(mode.name());
    }
}
