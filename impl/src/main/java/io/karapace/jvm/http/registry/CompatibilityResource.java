package io.karapace.jvm.http.registry;

import io.karapace.jvm.api.registry.CompatibilityApi;
import io.karapace.jvm.api.registry.model.CompatibilityCheckResponse;
import io.karapace.jvm.api.registry.model.RegisterSchemaRequest;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.registry.VersionSpec;

public final class CompatibilityResource implements CompatibilityApi {
    private final RegistryService registry;

    public CompatibilityResource(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public CompatibilityCheckResponse testCompatibilityBySubjectVersion(String subject, String version,
            RegisterSchemaRequest body, Boolean normalize, Boolean verbose) {
        VersionSpec spec = VersionSpec.parse(version);
        return response(registry.checkCompatibility(subject, spec, RegistryModels.request(body), normalize, verbose));
    }

    @Override
    public CompatibilityCheckResponse testCompatibilityForSubject(String subject, RegisterSchemaRequest body,
                                                                  Boolean normalize, Boolean verbose) {
        return response(registry.checkCompatibility(subject, null, RegistryModels.request(body), normalize, verbose));
    }

    private static CompatibilityCheckResponse response(RegistryService.CompatibilityResult result) {
        return new CompatibilityCheckResponse().isCompatible(result.compatible()).messages(result.messages());
    }
}
