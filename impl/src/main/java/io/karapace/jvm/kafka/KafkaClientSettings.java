package io.karapace.jvm.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How to reach and authenticate to Kafka; the part every client (admin, producer, consumer) shares.
 * TLS material comes as PEM files ({@code ssl_cafile}, {@code ssl_certfile}, {@code ssl_keyfile});
 * the key must be PKCS#8 ({@code BEGIN PRIVATE KEY}), the only PEM key form Kafka reads.
 * Optional fields are null when unset.
 */
public record KafkaClientSettings(String bootstrapServers, String clientId, String securityProtocol,
                                  Path sslCaFile, Path sslCertFile, Path sslKeyFile,
                                  String saslMechanism, String saslUsername, String saslPassword) {

    public KafkaClientSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers must not be empty");
        }
        securityProtocol = securityProtocol == null ? "PLAINTEXT" : securityProtocol.toUpperCase(Locale.ROOT);
        if (!SecurityProtocol.names().contains(securityProtocol)) {
            throw new IllegalArgumentException("Unknown Kafka security protocol '" + securityProtocol
                    + "', expected one of " + SecurityProtocol.names());
        }
    }

    public static KafkaClientSettings plaintext(String bootstrapServers, String clientId) {
        return new KafkaClientSettings(bootstrapServers, clientId, "PLAINTEXT",
                null, null, null, null, null, null);
    }

    /** The common client properties; reads the PEM files, so call it when building a client. */
    public Properties properties() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (clientId != null) {
            props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        }
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        if (securityProtocol.endsWith("SSL")) {
            putSsl(props);
        }
        if (securityProtocol.startsWith("SASL")) {
            putSasl(props);
        }
        return props;
    }

    private void putSsl(Properties props) {
        if (sslCaFile != null) {
            props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, sslCaFile.toString());
        }
        if (sslCertFile != null || sslKeyFile != null) {
            if (sslCertFile == null || sslKeyFile == null) {
                throw new IllegalArgumentException("ssl_certfile and ssl_keyfile must be set together");
            }
            props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
            props.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, readPem(sslCertFile, "ssl_certfile"));
            props.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, readPem(sslKeyFile, "ssl_keyfile"));
        }
    }

    private void putSasl(Properties props) {
        if (saslMechanism == null || saslUsername == null || saslPassword == null) {
            throw new IllegalArgumentException(securityProtocol
                    + " needs sasl_mechanism, sasl_plain_username and sasl_plain_password");
        }
        String mechanism = saslMechanism.toUpperCase(Locale.ROOT);
        props.put(SaslConfigs.SASL_MECHANISM, mechanism);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, loginModule(mechanism) + " required username=\""
                + jaasEscape(saslUsername) + "\" password=\"" + jaasEscape(saslPassword) + "\";");
    }

    private static String loginModule(String mechanism) {
        return switch (mechanism) {
            case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
            case "SCRAM-SHA-256", "SCRAM-SHA-512" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
            default -> throw new IllegalArgumentException("Unsupported sasl_mechanism '" + mechanism
                    + "', expected PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512");
        };
    }

    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String readPem(Path file, String key) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(key + " " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
