package io.karapace.jvm.conformance.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The pom passes unset -Dconformance.* properties as empty strings (its defaults), so blank must mean
 * unset; without conformance.registry, mvn verify tests our own jar.
 */
class CertificationTargetTest {

    @Test
    void blankPropertiesAreUnsetAndUrlsLoseTheirTrailingSlash() {
        CertificationTarget target = new CertificationTarget(" http://sr:8081/ ", "", " ", null);

        assertEquals("http://sr:8081", target.registry());
        assertNull(target.rest());
        assertNull(target.bootstrap());
        assertNull(target.authShown());
    }

    @Test
    void credentialsMustBeUserColonPasswordAndAreShownWithoutThePassword() {
        assertEquals("bob:***", new CertificationTarget("http://sr", null, null, "bob:pa:ss").authShown());
        assertThrows(IllegalArgumentException.class, () -> new CertificationTarget("http://sr", null, null, "bob"));
        assertThrows(IllegalArgumentException.class, () -> new CertificationTarget("", null, null, null));
    }

    @Test
    void withoutTheRegistryPropertyThereIsNoTarget() {
        String before = System.getProperty(CertificationTarget.REGISTRY);
        try {
            System.setProperty(CertificationTarget.REGISTRY, "");
            assertEquals(java.util.Optional.empty(), CertificationTarget.fromSystemProperties());
            System.setProperty(CertificationTarget.REGISTRY, "http://sr:8081");
            assertEquals("http://sr:8081", CertificationTarget.fromSystemProperties().orElseThrow().registry());
        } finally {
            if (before == null) {
                System.clearProperty(CertificationTarget.REGISTRY);
            } else {
                System.setProperty(CertificationTarget.REGISTRY, before);
            }
        }
    }
}
