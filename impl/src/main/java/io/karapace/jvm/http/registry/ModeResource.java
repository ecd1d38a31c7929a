package io.karapace.jvm.http.registry;

import io.karapace.jvm.api.registry.ModeApi;
import io.karapace.jvm.api.registry.model.Mode;
import io.karapace.jvm.api.registry.model.ModeUpdateRequest;
import io.karapace.jvm.registry.RegistryService;

public final class ModeResource implements ModeApi {
    private final RegistryService registry;

    public ModeResource(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public Mode getTopLevelMode(Boolean defaultToGlobal) {
        return mode(registry.globalMode());
    }

    @Override
    public Mode updateTopLevelMode(ModeUpdateRequest body, Boolean force) {
        return mode(registry.updateMode(null, body == null ? null : body.getMode(), force));
    }

    @Override
    public Mode deleteTopLevelMode() {
        return mode(registry.deleteMode(null));
    }

    @Override
    public Mode getSubjectMode(String subject, Boolean defaultToGlobal) {
        return mode(registry.subjectMode(subject, defaultToGlobal));
    }

    @Override
    public Mode updateSubjectMode(String subject, ModeUpdateRequest body, Boolean force) {
        return mode(registry.updateMode(subject, body == null ? null : body.getMode(), force));
    }

    @Override
    public Mode deleteSubjectMode(String subject) {
        return mode(registry.deleteMode(subject));
    }

    private static Mode mode(io.karapace.jvm.registry.Mode mode) {
        return new Mode().mode(mode.name());
    }
}
