package io.karapace.jvm.kafka;

import io.karapace.jvm.config.ConfigException;
import io.karapace.jvm.tls.PemFiles;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * The Kafka client properties of the security settings of API.md D.1 ({@code security_protocol},
 * {@code ssl_*}, {@code sasl_*}). Built once at startup: every file is read and every combination
 * checked here, so a set-but-unusable key stops startup with one line instead of failing (or being
 * ignored) when a client connects. The key is handed to Kafka as unencrypted PKCS#8 PEM in memory,
 * the one form its PEM key store reads; Kafka hides it like a password.
 */
public final class KafkaSecurity {
    private static final List<String> SASL_MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512",
            "OAUTHBEARER");

    /** The settings as given; null when unset. */
    public record Settings(String protocol, String sslCafile, String sslCertfile, String sslKeyfile,
                           String sslPassword, String sslCrlfile, boolean sslCheckHostname, String sslCiphers,
                           String saslMechanism, String saslUsername, String saslPassword, String saslOauthToken) {

        public static Settings plaintext() {
            return new Settings("PLAINTEXT", null, null, null, null, null, true, null, null, null, null, null);
        }

        /** The same TLS settings with another SASL identity (rest_authorization's per-caller clients). */
        public Settings withSasl(String protocol, String mechanism, String username, String password,
                                 String oauthToken) {
            return new Settings(protocol, sslCafile, sslCertfile, sslKeyfile, sslPassword, sslCrlfile,
                    sslCheckHostname, sslCiphers, mechanism, username, password, oauthToken);
        }

        @Override
        public String toString() {
            return "KafkaSecurity.Settings[protocol=" + protocol + ", mechanism=" + saslMechanism + "]";
        }
    }

    private final Settings settings;
    private final Map<String, Object> properties;

    private KafkaSecurity(Settings settings, Map<String, Object> properties) {
        this.settings = settings;
        this.properties = Map.copyOf(properties);
    }

    /** @throws ConfigException naming the first key that cannot be honoured */
    public static KafkaSecurity of(Settings settings) {
        String protocol = settings.protocol() == null ? "PLAINTEXT" : settings.protocol().toUpperCase(Locale.ROOT);
        boolean ssl = protocol.equals("SSL") || protocol.equals("SASL_SSL");
        boolean sasl = protocol.startsWith("SASL_");
        if (!ssl && !sasl && !protocol.equals("PLAINTEXT")) {
            throw new ConfigException("security_protocol '" + protocol + "' is not one of PLAINTEXT, SSL,"
                    + " SASL_PLAINTEXT, SASL_SSL");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        if (ssl) {
            putSsl(settings, props);
        } else {
            refuseUnused(protocol, "SSL", "ssl_cafile", settings.sslCafile(), "ssl_certfile", settings.sslCertfile(),
                    "ssl_keyfile", settings.sslKeyfile(), "ssl_password", settings.sslPassword(),
                    "ssl_crlfile", settings.sslCrlfile(), "ssl_ciphers", settings.sslCiphers());
        }
        if (sasl) {
            putSasl(settings, props);
        } else {
            refuseUnused(protocol, "SASL", "sasl_plain_username", settings.saslUsername(),
                    "sasl_plain_password", settings.saslPassword(), "sasl_oauth_token", settings.saslOauthToken());
        }
        return new KafkaSecurity(settings.withSasl(protocol, settings.saslMechanism(), settings.saslUsername(),
                settings.saslPassword(), settings.saslOauthToken()), props);
    }

    public static KafkaSecurity plaintext() {
        return of(Settings.plaintext());
    }

    public Settings settings() {
        return settings;
    }

    /** The properties to add to every client; they include secrets, so never log them. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** For the startup line: protocol and mechanism, never credentials. */
    public String describe() {
        String protocol = (String) properties.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        Object mechanism = properties.get(SaslConfigs.SASL_MECHANISM);
        return mechanism == null ? protocol : protocol + " (" + mechanism + ")";
    }

    @Override
    public String toString() {
        return "KafkaSecurity[" + describe() + "]";
    }

    private static void putSsl(Settings s, Map<String, Object> props) {
        if (s.sslCrlfile() != null) {
            throw new ConfigException("ssl_crlfile cannot be honoured: Kafka's Java clients cannot check a"
                    + " certificate revocation list; remove ssl_crlfile (revoke at the CA or the broker instead)");
        }
        if (s.sslCafile() != null) {
            List<X509Certificate> cas = PemFiles.certificates(Path.of(s.sslCafile()), "ssl_cafile");
            props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            props.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, pemCertificates(cas));
        }
        if (s.sslCertfile() != null || s.sslKeyfile() != null) {
            putClientCertificate(s, props);
        } else if (s.sslPassword() != null) {
            throw new ConfigException("ssl_password is set but ssl_keyfile is not");
        }
        props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, s.sslCheckHostname() ? "https" : "");
        if (s.sslCiphers() != null) {
            props.put(SslConfigs.SSL_CIPHER_SUITES_CONFIG, OpenSslCiphers.toJava(s.sslCiphers()));
        }
    }

    private static void putClientCertificate(Settings s, Map<String, Object> props) {
        if (s.sslCertfile() == null || s.sslKeyfile() == null) {
            throw new ConfigException("ssl_certfile and ssl_keyfile must be set together; only "
                    + (s.sslCertfile() == null ? "ssl_keyfile" : "ssl_certfile") + " is set");
        }
        List<X509Certificate> chain = PemFiles.certificates(Path.of(s.sslCertfile()), "ssl_certfile");
        PrivateKey key = PemFiles.privateKey(Path.of(s.sslKeyfile()), s.sslPassword(), "ssl_keyfile", "ssl_password");
        PemFiles.checkPair(key, chain.get(0), "ssl_keyfile", "ssl_certfile");
        props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
        props.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, pemCertificates(chain));
        props.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, PemFiles.pkcs8Pem(key));
    }

    private static void putSasl(Settings s, Map<String, Object> props) {
        if (s.saslMechanism() == null) {
            throw new ConfigException("security_protocol " + props.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    + " needs sasl_mechanism (one of " + String.join(", ", SASL_MECHANISMS) + ")");
        }
        String mechanism = s.saslMechanism().toUpperCase(Locale.ROOT);
        if (!SASL_MECHANISMS.contains(mechanism)) {
            throw new ConfigException("sasl_mechanism '" + s.saslMechanism() + "' is not supported; use one of "
                    + String.join(", ", SASL_MECHANISMS));
        }
        props.put(SaslConfigs.SASL_MECHANISM, mechanism);
        if (mechanism.equals("OAUTHBEARER")) {
            if (s.saslOauthToken() == null) {
                throw new ConfigException("sasl_mechanism OAUTHBEARER needs sasl_oauth_token");
            }
            props.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, StaticTokenLoginHandler.class.getName());
            props.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule"
                    + " required " + StaticTokenLoginHandler.TOKEN_OPTION + "=\"" + jaasEscape(s.saslOauthToken()) + "\";");
            return;
        }
        if (s.saslUsername() == null || s.saslPassword() == null) {
            throw new ConfigException("sasl_mechanism " + mechanism + " needs sasl_plain_username and"
                    + " sasl_plain_password" + (s.saslUsername() == null ? "" : " (sasl_plain_password is not set)"));
        }
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        props.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaasEscape(s.saslUsername())
                + "\" password=\"" + jaasEscape(s.saslPassword()) + "\";");
    }

    /** A key that only means something with SSL (or SASL) set while the protocol has none is refused. */
    private static void refuseUnused(String protocol, String layer, String... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                throw new ConfigException(keysAndValues[i] + " is set but security_protocol " + protocol
                        + " uses no " + layer + "; set security_protocol to "
                        + (layer.equals("SSL") ? "SSL or SASL_SSL" : "SASL_PLAINTEXT or SASL_SSL")
                        + " or remove " + keysAndValues[i]);
            }
        }
    }

    private static String pemCertificates(List<X509Certificate> certs) {
        StringBuilder pem = new StringBuilder();
        java.util.Base64.Encoder encoder = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate cert : certs) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(cert.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return pem.toString();
    }

    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
