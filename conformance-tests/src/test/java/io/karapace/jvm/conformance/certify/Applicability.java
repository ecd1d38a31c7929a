package io.karapace.jvm.conformance.certify;

import io.karapace.jvm.conformance.fixture.Fixture;
import java.util.Optional;

/**
 * Which fixtures can run against an external server: one that is shared and that this run did not
 * start, so it cannot hand out a fresh registry, and whose broker it reaches only if told where.
 */
public final class Applicability {

    static final String FRESH_SERVER = "needs a fresh server (it changes the global config or mode, "
            + "or reads registry-wide listings or ids), which a certification run cannot start";
    static final String NO_REST = "needs the REST proxy: pass -D" + CertificationTarget.REST + "=URL";
    static final String NO_BOOTSTRAP = "creates its topics on the broker first: pass -D"
            + CertificationTarget.BOOTSTRAP + "=HOST:PORT";

    private Applicability() {
    }

    /** Why the fixture cannot run against the target, or empty when it can. */
    public static Optional<String> notApplicableReason(Fixture fixture, CertificationTarget target) {
        if (fixture.freshServer()) {
            return Optional.of(FRESH_SERVER);
        }
        if (isProxyFixture(fixture) && target.rest() == null) {
            return Optional.of(NO_REST);
        }
        if (!fixture.topics().isEmpty() && target.bootstrap() == null) {
            return Optional.of(NO_BOOTSTRAP);
        }
        return Optional.empty();
    }

    static boolean isProxyFixture(Fixture fixture) {
        return fixture.name().startsWith("proxy/");
    }
}
