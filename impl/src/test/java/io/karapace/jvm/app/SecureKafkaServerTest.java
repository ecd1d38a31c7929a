package io.karapace.jvm.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.config.ConfigLoader;
import io.karapace.jvm.testing.SecureKafkaBroker;
import io.karapace.jvm.testing.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server against a broker that demands SASL (API.md D.1 security_protocol, sasl_mechanism,
 * sasl_plain_username/password, ssl_cafile; Karapace's src/karapace/core/kafka_utils.py passes them to
 * every client): the registry stores schemas and the REST proxy produces and consumes through SASL_SSL
 * with SCRAM and through SASL_PLAINTEXT with PLAIN, served over HTTPS; a wrong password stops startup
 * with one line (issue 11) within startup_timeout_ms, not a hang.
 */
class SecureKafkaServerTest {
    private static final String PASSWORD = "karapace-Secret-1";

    @TempDir
    static Path dir;
    static TestPki pki;
    static SecureKafkaBroker broker;
    static Path serverCert;
    static Path serverKey;

    @BeforeAll
    static void startBroker() {
        pki = TestPki.create(dir, "SecureKafkaServerTest CA");
        broker = SecureKafkaBroker.start(pki, Map.of("karapace", PASSWORD, "admin", "admin-secret"));
        TestPki.Issued server = pki.issue("127.0.0.1");
        serverCert = pki.certFile(server);
        serverKey = pki.encryptedTraditionalKeyFile(server, "http-key-pw");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void registryAndProxyWorkOverSaslSslWithScramAndHttps() throws Exception {
        Map<String, String> env = secureEnv("scram", broker.saslSslBootstrap(), "SASL_SSL", "SCRAM-SHA-512", PASSWORD);
        env.put("KARAPACE_SSL_CAFILE", pki.caFile().toString());
        runRegistryAndProxy(env, "scram");
    }

    @Test
    void registryAndProxyWorkOverSaslPlaintextWithPlain() throws Exception {
        runRegistryAndProxy(secureEnv("plain", broker.saslPlaintextBootstrap(), "SASL_PLAINTEXT", "PLAIN", PASSWORD),
                "plain");
    }

    @Test
    void aWrongScramPasswordStopsStartupWithOneLine() {
        Map<String, String> env = secureEnv("wrong", broker.saslSslBootstrap(), "SASL_SSL", "SCRAM-SHA-512",
                "not-the-password");
        env.put("KARAPACE_SSL_CAFILE", pki.caFile().toString());
        env.put("KARAPACE_STARTUP_TIMEOUT_MS", "20000");
        env.put("KARAPACE_STORE_TIMEOUT_MS", "20000");
        ConfigLoader.Loaded loaded = ConfigLoader.load(Optional.empty(), env);
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> KarapaceServer.start(loaded.config(), List.of()).close());
        String line = failure.getMessage();
        assertTrue(line.contains("Authentication failed") && line.contains("SCRAM-SHA-512"), line);
        assertFalse(line.contains("\n") || line.contains("not-the-password"), line);
    }

    private void runRegistryAndProxy(Map<String, String> env, String name) throws Exception {
        String topic = "secure-" + name;
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KarapaceServer server = KarapaceServer.start(ConfigLoader.load(Optional.empty(), env).config(),
                List.of())) {
            Http http = new Http(server.port());
            assertEquals("{\"id\":1}", http.post("/subjects/" + name + "-value/versions",
                    "application/vnd.schemaregistry.v1+json", "{\"schema\":\"\\\"string\\\"\"}").body());
            assertTrue(http.get("/subjects/" + name + "-value/versions/1", "application/json").body()
                    .contains("\"schema\":\"\\\"string\\\"\""));
            HttpResponse<String> produced = http.post("/topics/" + topic, "application/vnd.kafka.json.v2+json",
                    "{\"records\":[{\"value\":{\"n\":7}}]}");
            assertEquals(200, produced.statusCode(), produced.body());
            HttpResponse<String> created = http.post("/consumers/g-" + name, "application/vnd.kafka.v2+json",
                    "{\"name\":\"c\",\"format\":\"json\",\"auto.offset.reset\":\"earliest\"}");
            // advertised_protocol defaults to https when TLS is on (issue 11), so base_uri does too
            assertTrue(created.body().contains("\"base_uri\":\"https://"), created.body());
            String instance = "/consumers/g-" + name + "/instances/c";
            assertEquals(204, http.post(instance + "/subscription", "application/vnd.kafka.v2+json",
                    "{\"topics\":[\"" + topic + "\"]}").statusCode());
            assertTrue(http.pollRecords(instance).contains("{\"n\":7}"));
        }
    }

    private static Map<String, String> secureEnv(String name, String bootstrap, String protocol, String mechanism,
                                                 String password) {
        Map<String, String> env = new HashMap<>();
        env.put("KARAPACE_PORT", "0");
        env.put("KARAPACE_BOOTSTRAP_URI", bootstrap);
        env.put("KARAPACE_TOPIC_NAME", "_schemas_" + name);
        env.put("KARAPACE_SECURITY_PROTOCOL", protocol);
        env.put("KARAPACE_SASL_MECHANISM", mechanism);
        env.put("KARAPACE_SASL_PLAIN_USERNAME", "karapace");
        env.put("KARAPACE_SASL_PLAIN_PASSWORD", password);
        env.put("KARAPACE_SERVER_TLS_CERTFILE", serverCert.toString());
        env.put("KARAPACE_SERVER_TLS_KEYFILE", serverKey.toString());
        env.put("KARAPACE_SERVER_TLS_KEYFILE_PASSWORD", "http-key-pw");
        env.put("KARAPACE_LOG_LEVEL", "WARNING");
        return env;
    }

    /** An HTTPS client trusting the test CA only. */
    private static final class Http {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(pki.clientContext(null)).build();
        private final String base;

        Http(int port) {
            this.base = "https://127.0.0.1:" + port;
        }

        HttpResponse<String> post(String path, String type, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path, String accept) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String pollRecords(String instance) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            String body = "";
            while (Instant.now().isBefore(deadline)) {
                body = get(instance + "/records?timeout=1000", "application/vnd.kafka.json.v2+json").body();
                if (!body.equals("[]")) {
                    return body;
                }
            }
            return body;
        }
    }
}
