package io.karapace.jvm.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.config.ConfigLoader;
import io.karapace.jvm.testing.SecureKafkaBroker;
import io.karapace.jvm.testing.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rest_authorization=true (API.md D.1 and "Auth errors on Karapace": Basic credentials become the SASL
 * username/password, sasl_mechanism or PLAIN; a Kafka auth failure answers 403; no credentials 401 with
 * realm "Karapace REST Proxy"; Karapace's kafka_rest_apis/authentication.py and get_user_proxy): two
 * SASL users, Kafka's StandardAuthorizer with an ACL that lets alice and not bob use the topic.
 */
class RestAuthorizationTest {
    private static final String TOPIC = "acl-topic";

    @TempDir
    static Path dir;
    static SecureKafkaBroker broker;
    static KarapaceServer server;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        broker = SecureKafkaBroker.start(TestPki.create(dir, "RestAuthorizationTest CA"),
                Map.of("karapace", "k-pw", "alice", "alice-pw", "bob", "bob-pw"));
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                    new AccessControlEntry("User:alice", "*", AclOperation.ALL, AclPermissionType.ALLOW))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        Map<String, String> env = Map.of("KARAPACE_PORT", "0", "KARAPACE_BOOTSTRAP_URI", broker.saslPlaintextBootstrap(),
                "KARAPACE_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KARAPACE_SASL_MECHANISM", "PLAIN",
                "KARAPACE_SASL_PLAIN_USERNAME", "karapace", "KARAPACE_SASL_PLAIN_PASSWORD", "k-pw",
                "KARAPACE_REST_AUTHORIZATION", "true", "KARAPACE_SASL_BOOTSTRAP_URI", broker.saslPlaintextBootstrap(),
                "KARAPACE_TOPIC_NAME", "_schemas_rest_auth", "KARAPACE_LOG_LEVEL", "WARNING");
        server = KarapaceServer.start(ConfigLoader.load(Optional.empty(), env).config(), List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        broker.close();
    }

    @Test
    void withoutCredentialsTheProxyAnswers401WithItsRealm() throws Exception {
        HttpResponse<String> answer = produce(null);
        assertEquals(401, answer.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", answer.body());
        assertEquals("Basic realm=\"Karapace REST Proxy\"", answer.headers().firstValue("WWW-Authenticate").orElse(""));
        // the registry is not the proxy: its paths are left to the registry's own authentication
        assertEquals(200, send(HttpRequest.newBuilder(uri("/subjects"))).statusCode());
    }

    @Test
    void theAclDecides() throws Exception {
        HttpResponse<String> alice = produce(basic("alice", "alice-pw"));
        assertEquals(200, alice.statusCode(), alice.body());
        assertTrue(alice.body().contains("\"offset\":"), alice.body());
        HttpResponse<String> bob = produce(basic("bob", "bob-pw"));
        assertEquals(403, bob.statusCode(), bob.body());
        assertEquals("{\"error_code\":40301,\"message\":\"Forbidden\"}", bob.body());
    }

    @Test
    void aWrongPasswordIsForbiddenNotAServerError() throws Exception {
        HttpResponse<String> answer = produce(basic("alice", "not-alice-pw"));
        assertEquals(403, answer.statusCode(), answer.body());
    }

    private static HttpResponse<String> produce(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/topics/" + TOPIC))
                .header("Content-Type", "application/vnd.kafka.json.v2+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"records\":[{\"value\":{\"n\":1}}]}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
