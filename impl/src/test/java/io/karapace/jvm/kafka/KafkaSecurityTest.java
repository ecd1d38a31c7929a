package io.karapace.jvm.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.config.ConfigException;
import io.karapace.jvm.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka security keys of API.md D.1 (security_protocol, ssl_*, sasl_*) as Karapace's
 * src/karapace/core/kafka_utils.py hands them to its clients, turned into Kafka Java client
 * properties; issue 11: a set-but-unusable key stops startup with one line, secrets never shown.
 */
class KafkaSecurityTest {
    private static final String KEY_PASSWORD = "key-pw-123";
    private static final String SASL_PASSWORD = "sasl-pw-456";

    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki.Issued client;

    @BeforeAll
    static void makeCertificates() {
        pki = TestPki.create(dir, "KafkaSecurityTest CA");
        client = pki.issue("karapace-client");
    }

    @Test
    void plaintextAddsOnlyTheProtocol() {
        assertEquals(Map.of("security.protocol", "PLAINTEXT"), KafkaSecurity.plaintext().properties());
    }

    @Test
    void sslWithAnEncryptedPkcs1KeyBecomesPemKeyStoreWithPkcs8Key() {
        Map<String, Object> props = KafkaSecurity.of(ssl("SSL", pki.encryptedTraditionalKeyFile(client, KEY_PASSWORD),
                KEY_PASSWORD, null, true, null)).properties();
        assertEquals("SSL", props.get("security.protocol"));
        assertEquals("PEM", props.get("ssl.truststore.type"));
        assertTrue(((String) props.get("ssl.truststore.certificates")).startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals("PEM", props.get("ssl.keystore.type"));
        // Kafka's PEM key store reads PKCS#8 only (KIP-651), so the key arrives decrypted as PKCS#8
        assertTrue(((String) props.get("ssl.keystore.key")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertNull(props.get("ssl.key.password"));
        assertEquals("https", props.get("ssl.endpoint.identification.algorithm"));
    }

    @Test
    void checkHostnameFalseTurnsEndpointIdentificationOff() {
        // Karapace: ssl_check_hostname=false sets SSLContext.check_hostname=False
        assertEquals("", KafkaSecurity.of(ssl("SSL", null, null, null, false, null)).properties()
                .get("ssl.endpoint.identification.algorithm"));
    }

    @Test
    void opensslCipherNamesAreTranslated() {
        @SuppressWarnings("unchecked")
        List<String> suites = (List<String>) KafkaSecurity.of(ssl("SSL", null, null, null, true,
                "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:AES128-SHA256:TLS_AES_128_GCM_SHA256"))
                .properties().get("ssl.cipher.suites");
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_AES_128_GCM_SHA256"), suites);
    }

    @Test
    void opensslCipherListKeywordsAreRefused() {
        String line = refusal(ssl("SSL", null, null, null, true, "HIGH:!aNULL"));
        assertTrue(line.startsWith("ssl_ciphers: 'HIGH' is not an OpenSSL cipher name"), line);
        assertTrue(refusal(ssl("SSL", null, null, null, true, "ECDHE-RSA-AES512-GCM-SHA384"))
                .startsWith("ssl_ciphers: 'ECDHE-RSA-AES512-GCM-SHA384' is not an OpenSSL cipher name"));
    }

    @Test
    void crlFileIsRefusedAsItCannotBeHonoured() {
        KafkaSecurity.Settings s = new KafkaSecurity.Settings("SSL", null, null, null, null,
                pki.write("crl.pem", "x").toString(), true, null, null, null, null, null);
        assertTrue(refusal(s).startsWith("ssl_crlfile cannot be honoured"));
    }

    @Test
    void wrongKeyPasswordMissingFilesAndMismatchedPairsAreRefused() {
        String line = refusal(ssl("SSL", pki.encryptedPkcs8KeyFile(client, KEY_PASSWORD), "nope", null, true, null));
        assertTrue(line.startsWith("ssl_password does not decrypt the private key in ssl_keyfile"), line);
        assertFalse(line.contains("nope") || line.contains(KEY_PASSWORD), line);
        assertTrue(refusal(new KafkaSecurity.Settings("SSL", dir.resolve("missing.pem").toString(), null, null, null,
                null, true, null, null, null, null, null)).endsWith("missing.pem does not exist"));
        assertEquals("ssl_keyfile does not match the certificate in ssl_certfile (the key is not the certificate's"
                + " private key)", refusal(ssl("SSL", pki.pkcs8KeyFile(pki.issue("other")), null, null, true, null)));
        assertEquals("ssl_certfile and ssl_keyfile must be set together; only ssl_keyfile is set",
                refusal(new KafkaSecurity.Settings("SSL", null, null, pki.pkcs8KeyFile(client).toString(), null, null,
                        true, null, null, null, null, null)));
    }

    @Test
    void tlsFilesWithAProtocolWithoutTlsAreRefused() {
        assertEquals("ssl_cafile is set but security_protocol SASL_PLAINTEXT uses no SSL; set security_protocol to"
                + " SSL or SASL_SSL or remove ssl_cafile", refusal(new KafkaSecurity.Settings("SASL_PLAINTEXT",
                pki.caFile().toString(), null, null, null, null, true, null, "PLAIN", "u", "p", null)));
        assertTrue(refusal(sasl("PLAINTEXT", "PLAIN", "u", SASL_PASSWORD, null))
                .startsWith("sasl_plain_username is set but security_protocol PLAINTEXT uses no SASL"));
    }

    @Test
    void scramAndPlainBecomeJaasLogins() {
        Map<String, Object> scram = KafkaSecurity.of(sasl("SASL_PLAINTEXT", "SCRAM-SHA-512", "alice", "p\"w", null))
                .properties();
        assertEquals("SCRAM-SHA-512", scram.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\""
                + " password=\"p\\\"w\";", scram.get("sasl.jaas.config"));
        assertTrue(((String) KafkaSecurity.of(sasl("SASL_PLAINTEXT", "plain", "bob", "x", null)).properties()
                .get("sasl.jaas.config")).startsWith("org.apache.kafka.common.security.plain.PlainLoginModule"));
    }

    @Test
    void mechanismsWithoutTheirCredentialsAreRefused() {
        assertEquals("security_protocol SASL_SSL needs sasl_mechanism (one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512,"
                + " OAUTHBEARER)", refusal(sasl("SASL_SSL", null, "u", "p", null)));
        assertEquals("sasl_mechanism PLAIN needs sasl_plain_username and sasl_plain_password (sasl_plain_password is"
                + " not set)", refusal(sasl("SASL_PLAINTEXT", "PLAIN", "u", null, null)));
        assertEquals("sasl_mechanism OAUTHBEARER needs sasl_oauth_token",
                refusal(sasl("SASL_PLAINTEXT", "OAUTHBEARER", null, null, null)));
        assertTrue(refusal(sasl("SASL_PLAINTEXT", "GSSAPI", "u", "p", null)).startsWith("sasl_mechanism 'GSSAPI' is not"));
    }

    @Test
    void oauthBearerSendsTheStaticTokenThroughTheLoginHandler() {
        Map<String, Object> props = KafkaSecurity.of(sasl("SASL_PLAINTEXT", "OAUTHBEARER", null, null, "tok.en"))
                .properties();
        assertEquals(StaticTokenLoginHandler.class.getName(), props.get("sasl.login.callback.handler.class"));
        assertTrue(((String) props.get("sasl.jaas.config")).contains("token=\"tok.en\""));
        assertEquals("tok.en", StaticTokenLoginHandler.staticToken("tok.en").value());
    }

    @Test
    void descriptionsAndTheClientFactoryNeverShowSecrets() {
        KafkaSecurity security = KafkaSecurity.of(sasl("SASL_PLAINTEXT", "SCRAM-SHA-256", "alice", SASL_PASSWORD, null));
        KafkaClients clients = new KafkaClients("h:9092", "sr-1", security, 1000);
        for (String text : List.of(security.toString(), security.describe(), security.settings().toString(),
                clients.toString())) {
            assertFalse(text.contains(SASL_PASSWORD), text);
        }
        Properties props = clients.properties("proxy-admin", Map.of("x", "y"));
        assertEquals("sr-1-proxy-admin", props.get("client.id"));
        assertEquals(1000, props.get("metadata.max.age.ms"));
        assertEquals("SCRAM-SHA-256", props.get("sasl.mechanism"));
        assertEquals("y", props.get("x"));
    }

    private static KafkaSecurity.Settings ssl(String protocol, Path key, String password, String crl, boolean check,
                                              String ciphers) {
        return new KafkaSecurity.Settings(protocol, pki.caFile().toString(),
                key == null ? null : pki.certFile(client).toString(), key == null ? null : key.toString(), password,
                crl, check, ciphers, null, null, null, null);
    }

    private static KafkaSecurity.Settings sasl(String protocol, String mechanism, String user, String password,
                                               String token) {
        return new KafkaSecurity.Settings(protocol, null, null, null, null, null, true, null, mechanism, user,
                password, token);
    }

    private static String refusal(KafkaSecurity.Settings settings) {
        String message = assertThrows(ConfigException.class, () -> KafkaSecurity.of(settings)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertFalse(message.contains(SASL_PASSWORD) || message.contains(KEY_PASSWORD), message);
        return message;
    }
}
