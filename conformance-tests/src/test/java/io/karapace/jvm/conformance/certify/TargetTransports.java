package io.karapace.jvm.conformance.certify;

import io.karapace.jvm.conformance.fixture.Fixture;
import io.karapace.jvm.conformance.fixture.RegistryHttp;
import io.karapace.jvm.conformance.fixture.Transport;
import java.util.List;

/**
 * The target's servers as the runner sees them. Registry fixtures talk to the registry; proxy fixtures
 * to the REST proxy, except the registry API's own paths (a proxy fixture that checks the schema a
 * produce registered), which go to the registry: Confluent serves the two APIs from separate processes.
 */
final class TargetTransports {

    private static final List<String> REGISTRY_PREFIXES = List.of("/subjects", "/schemas", "/config", "/mode",
            "/compatibility", "/contexts");

    private final RegistryHttp registry;
    private final RegistryHttp rest;

    TargetTransports(CertificationTarget target) {
        this.registry = new RegistryHttp(target.registry(), target.auth());
        this.rest = target.rest() == null ? null : new RegistryHttp(target.rest(), target.auth());
    }

    RegistryHttp registry() {
        return registry;
    }

    Transport forFixture(Fixture fixture) {
        if (!Applicability.isProxyFixture(fixture)) {
            return registry;
        }
        return request -> (isRegistryPath(request.path()) ? registry : rest).send(request);
    }

    static boolean isRegistryPath(String path) {
        return REGISTRY_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/")
                || path.startsWith(prefix + "?"));
    }
}
