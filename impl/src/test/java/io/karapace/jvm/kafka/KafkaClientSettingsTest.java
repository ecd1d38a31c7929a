package io.karapace.jvm.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

    @Test
    void plaintextCarriesOnlyAddressIdAndProtocol() {
        Properties props = KafkaClientSettings.plaintext("127.0.0.1:9092", "sr-1").properties();

        assertEquals("127.0.0.1:9092", props.get("bootstrap.servers"));
        assertEquals("sr-1", props.get("client.id"));
        assertEquals("PLAINTEXT", props.get("security.protocol"));
        assertEquals(3, props.size());
    }

    @Test
    void sslUsesThePemFilesAsTrustStoreAndKeyStore(@TempDir Path dir) throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "CA PEM");
        Path cert = Files.writeString(dir.resolve("cert.pem"), "CERT PEM");
        Path key = Files.writeString(dir.resolve("key.pem"), "KEY PEM");

        Properties props = new KafkaClientSettings("h:9093", "sr-1", "ssl", ca, cert, key, null, null, null)
                .properties();

        assertEquals("SSL", props.get("security.protocol"));
        assertEquals("PEM", props.get("ssl.truststore.type"));
        assertEquals(ca.toString(), props.get("ssl.truststore.location"));
        assertEquals("PEM", props.get("ssl.keystore.type"));
        assertEquals("CERT PEM", props.get("ssl.keystore.certificate.chain"));
        assertEquals("KEY PEM", props.get("ssl.keystore.key"));
        assertFalse(props.containsKey("sasl.mechanism"));
    }

    @Test
    void saslPlainBuildsAJaasLineWithQuotedCredentials() {
        Properties props = new KafkaClientSettings("h:9094", null, "SASL_PLAINTEXT", null, null, null,
                "plain", "alice", "pa\"ss\\word").properties();

        assertEquals("PLAIN", props.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"alice\" password=\"pa\\\"ss\\\\word\";", props.get("sasl.jaas.config"));
        assertFalse(props.containsKey("ssl.truststore.type"));
    }

    @Test
    void saslScramUsesTheScramLoginModule() {
        Properties props = new KafkaClientSettings("h:9094", null, "SASL_SSL", null, null, null,
                "SCRAM-SHA-512", "bob", "secret").properties();

        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"bob\" password=\"secret\";", props.get("sasl.jaas.config"));
    }

    @Test
    void saslWithoutCredentialsIsRejected() {
        KafkaClientSettings settings = new KafkaClientSettings("h:9094", null, "SASL_SSL", null, null, null,
                "PLAIN", null, null);

        assertThrows(IllegalArgumentException.class, settings::properties);
    }

    @Test
    void anUnknownProtocolIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new KafkaClientSettings("h:1", null, "TLS", null, null, null, null, null, null));
    }

    @Test
    void aCertificateWithoutItsKeyIsRejected(@TempDir Path dir) throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "CERT PEM");
        KafkaClientSettings settings = new KafkaClientSettings("h:9093", null, "SSL", null, cert, null,
                null, null, null);

        assertThrows(IllegalArgumentException.class, settings::properties);
    }
}
