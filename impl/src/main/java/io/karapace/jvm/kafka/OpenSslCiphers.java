package io.karapace.jvm.kafka;

import io.karapace.jvm.config.ConfigException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * {@code ssl_ciphers} as Karapace takes it (Python's {@code SSLContext.set_ciphers}: OpenSSL names,
 * colon-separated) turned into the IANA names Java's TLS uses. Only explicit cipher names are
 * translated; OpenSSL's list keywords (HIGH, !aNULL, @STRENGTH, ...) have no Java equivalent and stop
 * startup rather than silently allowing a different set.
 */
final class OpenSslCiphers {
    // [kx-auth-]cipher-mac, e.g. ECDHE-RSA-AES256-GCM-SHA384, DHE-RSA-CHACHA20-POLY1305, AES128-SHA
    private static final Pattern NAME = Pattern.compile(
            "(?:(ECDHE|DHE)-(RSA|ECDSA)-)?(AES128|AES256)(?:-(GCM|CCM))?-(SHA|SHA256|SHA384)"
                    + "|(ECDHE|DHE)-(RSA|ECDSA)-CHACHA20-POLY1305");

    private OpenSslCiphers() {
    }

    /** The Java names of {@code list}, each supported by this JVM. */
    static List<String> toJava(String list) {
        Set<String> supported = supported();
        List<String> names = new ArrayList<>();
        for (String raw : list.split("[:,\\s]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String name = translate(raw);
            if (!supported.contains(name)) {
                throw new ConfigException("ssl_ciphers: cipher '" + raw + "' is not supported by this JVM"
                        + (name.equals(raw) ? "" : " (Java name " + name + ")"));
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new ConfigException("ssl_ciphers names no cipher");
        }
        return names;
    }

    private static String translate(String name) {
        if (name.startsWith("TLS_")) {
            return name; // TLS 1.3 suites and IANA names are spelled alike in both worlds
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new ConfigException("ssl_ciphers: '" + name + "' is not an OpenSSL cipher name this server can"
                    + " translate (cipher-list keywords such as HIGH or !aNULL cannot be honoured in Java);"
                    + " list cipher names such as ECDHE-RSA-AES256-GCM-SHA384");
        }
        if (m.group(6) != null) {
            return "TLS_" + m.group(6) + "_" + m.group(7) + "_WITH_CHACHA20_POLY1305_SHA256";
        }
        String keyExchange = m.group(1) == null ? "RSA" : m.group(1) + "_" + m.group(2);
        String bits = m.group(3).substring(3);
        String mode = m.group(4) == null ? "CBC" : m.group(4);
        return "TLS_" + keyExchange + "_WITH_AES_" + bits + "_" + mode + "_" + m.group(5);
    }

    private static Set<String> supported() {
        try {
            return Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no TLS", e);
        }
    }
}
