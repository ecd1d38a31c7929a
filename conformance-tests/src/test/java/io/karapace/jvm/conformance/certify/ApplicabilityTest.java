package io.karapace.jvm.conformance.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karapace.jvm.conformance.fixture.Fixture;
import io.karapace.jvm.conformance.fixture.FixtureLoader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 13: fixtures that need a fresh server or broker set-up the run cannot do are not applicable, with the reason. */
class ApplicabilityTest {

    private static final CertificationTarget REGISTRY_ONLY = new CertificationTarget("http://sr:8081", null, null, null);
    private static final CertificationTarget EVERYTHING =
            new CertificationTarget("http://sr:8081", "http://rest:8082", "kafka:9092", null);

    private static Fixture fixture(String name, String extra) {
        return FixtureLoader.parse(name, "{\"description\": \"d\", \"pins\": \"p\"" + extra + ", \"steps\": "
                + "[{\"request\": {\"method\": \"GET\", \"path\": \"/\"}, \"response\": {\"status\": 200}}]}");
    }

    @Test
    void aFixtureNeedingAFreshServerIsNeverApplicable() {
        Fixture fresh = fixture("registry/config/002-x.json", ", \"freshServer\": true");

        assertEquals(Optional.of(Applicability.FRESH_SERVER), Applicability.notApplicableReason(fresh, EVERYTHING));
    }

    @Test
    void proxyFixturesNeedTheRestUrlAndFixturesWithTopicsTheBroker() {
        Fixture proxy = fixture("proxy/v3/001-x.json", "");
        Fixture withTopics = fixture("proxy/produce/001-x.json", ", \"topics\": [{\"name\": \"${topic}\"}]");

        assertEquals(Optional.of(Applicability.NO_REST), Applicability.notApplicableReason(proxy, REGISTRY_ONLY));
        assertEquals(Optional.empty(), Applicability.notApplicableReason(proxy, EVERYTHING));
        assertEquals(Optional.of(Applicability.NO_BOOTSTRAP), Applicability.notApplicableReason(withTopics,
                new CertificationTarget("http://sr:8081", "http://rest:8082", null, null)));
        assertEquals(Optional.empty(), Applicability.notApplicableReason(withTopics, EVERYTHING));
    }

    @Test
    void registryFixturesOnASharedServerAreApplicable() {
        assertEquals(Optional.empty(),
                Applicability.notApplicableReason(fixture("registry/root/001-x.json", ""), REGISTRY_ONLY));
    }

    @Test
    void registryPathsOfAProxyFixtureGoToTheRegistry() {
        assertEquals(true, TargetTransports.isRegistryPath("/subjects/t-value/versions"));
        assertEquals(true, TargetTransports.isRegistryPath("/schemas/ids/1"));
        assertEquals(false, TargetTransports.isRegistryPath("/topics/t"));
        assertEquals(false, TargetTransports.isRegistryPath("/v3/clusters"));
        assertEquals(false, TargetTransports.isRegistryPath("/subjectsx"));
    }
}
