package io.karapace.jvm.conformance.certify;

import java.util.Optional;

/**
 * An external server to certify, from the system properties the module's pom passes to the test JVM:
 * {@code conformance.registry} (required for this mode), {@code conformance.rest}, {@code conformance.bootstrap}
 * and {@code conformance.auth} ({@code USER:PASSWORD}, sent as basic auth on every request). Blank means unset.
 *
 * @param registry  base URL of the Schema Registry API
 * @param rest      base URL of the Kafka REST Proxy API, or null
 * @param bootstrap Kafka bootstrap servers for creating fixture topics, or null
 * @param auth      basic-auth credentials {@code USER:PASSWORD}, or null
 */
public record CertificationTarget(String registry, String rest, String bootstrap, String auth) {

    public static final String REGISTRY = "conformance.registry";
    public static final String REST = "conformance.rest";
    public static final String BOOTSTRAP = "conformance.bootstrap";
    public static final String AUTH = "conformance.auth";

    public CertificationTarget {
        registry = trimSlash(blankToNull(registry));
        rest = trimSlash(blankToNull(rest));
        bootstrap = blankToNull(bootstrap);
        auth = blankToNull(auth);
        if (registry == null) {
            throw new IllegalArgumentException(REGISTRY + " must name the registry's base URL");
        }
        if (auth != null && !auth.contains(":")) {
            throw new IllegalArgumentException(AUTH + " must be USER:PASSWORD");
        }
    }

    /** The target named by the system properties, or empty when {@code conformance.registry} is unset: test our own jar. */
    public static Optional<CertificationTarget> fromSystemProperties() {
        if (blankToNull(System.getProperty(REGISTRY)) == null) {
            return Optional.empty();
        }
        return Optional.of(new CertificationTarget(System.getProperty(REGISTRY), System.getProperty(REST),
                System.getProperty(BOOTSTRAP), System.getProperty(AUTH)));
    }

    /** The credentials as shown in reports: the user name only. */
    public String authShown() {
        return auth == null ? null : auth.substring(0, auth.indexOf(':')) + ":***";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String trimSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
