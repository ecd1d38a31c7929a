package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The authfile on a running jar: reloads, the REST proxy under it, and the startup refusals of issue 11. */
@ExtendWith(SharedKafka.class)
class AuthenticatedServerIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AVRO = "application/vnd.kafka.avro.v2+json";

    @TempDir
    Path dir;

    /** API.md D.2: "watched and reloaded on change; a bad reload keeps the old rules". */
    @Test
    void changedAuthfileAppliesAndABrokenOneKeepsTheOldRules(KafkaHarness kafka) throws Exception {
        Path authfile = AuthFiles.write(dir.resolve("auth.json"), AuthFiles.MATRIX_USERS, AuthFiles.MATRIX_RULES);
        try (ServerProcess server = ServerLauncher.on(kafka).start(ServerLauncher.uniqueTopic("reload"),
                Map.of("registry_authfile", authfile.toString()))) {
            assertEquals(200, AuthorizationMatrixIT.send(server, "admin", "POST", "/subjects/secret-value/versions",
                    "{\"schema\":\"\\\"int\\\"\"}").statusCode());
            assertEquals(404, status(server, "none", "/subjects/secret-value/versions"));

            AuthFiles.write(authfile, AuthFiles.MATRIX_USERS, List.of(AuthFiles.rule("none", "Read", "Subject:secret")));
            awaitStatus(server, "none", "/subjects/secret-value/versions", 200);
            assertEquals(404, status(server, "admin", "/subjects/secret-value/versions"),
                    "the new file no longer grants admin anything");

            AuthFiles.replace(authfile, "{\"users\": [");
            String warning = "Could not reload registry_authfile, keeping the previous rules";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.readString(server.logFile()).contains(warning) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(server.logFile()).contains(warning), server.logTail());
            assertEquals(200, status(server, "none", "/subjects/secret-value/versions"), "the old rules stay");
            assertEquals(404, status(server, "admin", "/subjects/secret-value/versions"));
        }
    }

    /**
     * The REST proxy needs a known user (Karapace kafka_rest_apis/authentication.py: 401, realm "Karapace
     * REST Proxy"), and its in-process registry calls pass the same checks as HTTP (API.md D.2): producing
     * with a new schema registers it, which needs Write on the subject.
     */
    @Test
    void proxyRequiresAKnownUserAndRegistersOnlyWhereTheUserMayWrite(KafkaHarness kafka) throws Exception {
        Path authfile = AuthFiles.write(dir.resolve("auth.json"), AuthFiles.MATRIX_USERS, AuthFiles.MATRIX_RULES);
        try (ServerProcess server = ServerLauncher.on(kafka).start(ServerLauncher.uniqueTopic("proxy"),
                Map.of("registry_authfile", authfile.toString(), "karapace_rest", true))) {
            String topic = "app-" + UUID.randomUUID();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            HttpResponse<String> anonymous = AuthorizationMatrixIT.send(server, "anon", "GET", "/topics", null);
            assertEquals(401, anonymous.statusCode());
            assertEquals("Basic realm=\"Karapace REST Proxy\"",
                    anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals(MAPPER.readTree("{\"message\":\"Unauthorized\"}"), MAPPER.readTree(anonymous.body()));
            assertEquals(200, AuthorizationMatrixIT.send(server, "none", "GET", "/topics", null).statusCode(),
                    "any known user may use the proxy itself");

            String produce = "{\"value_schema\":\"\\\"string\\\"\",\"records\":[{\"value\":\"hi\"}]}";
            HttpResponse<String> denied = produce(server, "reader", topic, produce);
            // the registry's refusal reaches the proxy as a schema error (42205), as a missing subject would
            assertEquals(422, denied.statusCode(), denied.body());
            assertEquals(42205, MAPPER.readTree(denied.body()).get("error_code").intValue());
            assertEquals("[]", AuthorizationMatrixIT.send(server, "admin", "GET", "/subjects", null).body());

            HttpResponse<String> allowed = produce(server, "admin", topic, produce);
            assertEquals(200, allowed.statusCode(), allowed.body());
            int id = MAPPER.readTree(allowed.body()).get("value_schema_id").intValue();
            HttpResponse<String> byId = produce(server, "reader", topic,
                    "{\"value_schema_id\":" + id + ",\"records\":[{\"value\":\"again\"}]}");
            assertEquals(200, byId.statusCode(), "reader may read " + topic + "-value: " + byId.body());
        }
    }

    private static HttpResponse<String> produce(ServerProcess server, String user, String topic, String body)
            throws Exception {
        return AuthorizationMatrixIT.send(server, user, "POST", "/topics/" + topic, body, AVRO);
    }

    /** Issue 11 "never silently open": each misconfiguration stops the jar with one line naming the key. */
    @Test
    void unusableAuthfileOrUnknownSecurityKeyStopsTheJar(KafkaHarness kafka) throws Exception {
        ServerLauncher launcher = ServerLauncher.on(kafka);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"users\": [");
        Path md5 = Files.writeString(dir.resolve("md5.json"), "{\"users\": [{\"username\": \"u\", \"algorithm\":"
                + " \"md5\", \"salt\": \"s\", \"password_hash\": \"h\"}], \"permissions\": []}");
        Map<Map<String, Object>, String> cases = Map.of(
                Map.of("registry_authfile", dir.resolve("missing.json").toString()),
                "karapace-jvm: cannot start: Invalid configuration registry_authfile: file "
                        + dir.resolve("missing.json") + " does not exist or cannot be read",
                Map.of("registry_authfile", broken.toString()),
                "karapace-jvm: cannot start: Invalid configuration registry_authfile: " + broken + " is not valid JSON",
                Map.of("registry_authfile", md5.toString()),
                "karapace-jvm: cannot start: Invalid configuration registry_authfile: " + md5
                        + ": users[0].algorithm 'md5' is not one of sha1, sha256, sha512, scrypt",
                Map.of("sasl_kerberos_service_name", "kafka"),
                "karapace-jvm: Unsupported configuration sasl_kerberos_service_name in ");
        for (Map.Entry<Map<String, Object>, String> c : cases.entrySet()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> launcher.start(ServerLauncher.uniqueTopic("refused"), c.getKey()).close());
            assertTrue(e.getMessage().startsWith("server exited with code 1"), e.getMessage());
            assertTrue(e.getMessage().lines().anyMatch(line -> line.startsWith(c.getValue())),
                    "expected a line starting with: " + c.getValue() + "\n" + e.getMessage());
        }
    }

    private static int status(ServerProcess server, String user, String path) throws Exception {
        return AuthorizationMatrixIT.send(server, user, "GET", path, null).statusCode();
    }

    private static void awaitStatus(ServerProcess server, String user, String path, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (status(server, user, path) != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(expected, status(server, user, path));
    }
}
