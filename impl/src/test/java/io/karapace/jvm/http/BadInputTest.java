package io.karapace.jvm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.app.KarapaceServer;
import io.karapace.jvm.config.ConfigLoader;
import io.karapace.jvm.testing.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on a real server (registry and REST proxy, http_request_max_size 16384) over a real broker:
 * whatever arrives, the answer is a 4xx JSON error object {@code {"error_code": int, "message": string}},
 * never a 500 and never a success (issue 13 "Bad input"; API.md A.1 "Errors" and A.2).
 */
class BadInputTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SR = "application/vnd.schemaregistry.v1+json";
    private static final String BINARY = "application/vnd.kafka.binary.v2+json";
    private static final String ID = UUID.randomUUID().toString().substring(0, 8);
    private static final String SUBJECT = "badinput" + ID;
    private static final String TOPIC = "badinputtopic" + ID;
    private static final int MAX = 16384;

    static KarapaceServer server;

    @BeforeAll
    static void start() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, String> env = Map.of("KARAPACE_PORT", "0", "KARAPACE_BOOTSTRAP_URI", KAFKA.bootstrapServers(),
                "KARAPACE_TOPIC_NAME", "_schemas_bad_input_" + ID, "KARAPACE_GROUP_ID", "bad-input-" + ID,
                "KARAPACE_HTTP_REQUEST_MAX_SIZE", String.valueOf(MAX), "KARAPACE_LOG_LEVEL", "WARNING");
        server = KarapaceServer.start(ConfigLoader.load(Optional.empty(), env).config(), List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void emptyBodyToRegisterIsAClientError() throws Exception {
        assertError(send("POST", "/subjects/" + SUBJECT + "/versions", new byte[0], SR, null), 422, 42201);
    }

    @Test
    void emptyBodyToProduceIsAClientError() throws Exception {
        assertError(send("POST", "/topics/" + TOPIC, new byte[0], BINARY, null), 422, 422);
    }

    @Test
    void nullRecordIsAClientError() throws Exception {
        JsonNode body = assertError(send("POST", "/topics/" + TOPIC, utf8("{\"records\":[null]}"), BINARY, null), 400, 400);
        assertEquals("Produce record must be an object", body.get("message").asText());
    }

    @Test
    void invalidUtf8IsAClientError() throws Exception {
        byte[] bad = {'{', '"', 's', 'c', 'h', 'e', 'm', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertError(send("POST", "/subjects/" + SUBJECT + "/versions", bad, SR, null), 400, 400);
        byte[] badRecord = utf8("{\"records\":[{\"value\":\"x\"}]}");
        badRecord[badRecord.length - 4] = (byte) 0xFF;
        assertError(send("POST", "/topics/" + TOPIC, badRecord, BINARY, null), 400, 400);
        // overlong encodings: '/' as C0 AF and NUL as C0 80 (RFC 3629 section 3 forbids them)
        for (byte[] overlong : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})) {
            byte[] head = utf8("{\"records\":[{\"value\":\"a");
            byte[] tail = utf8("b\"}]}");
            byte[] json = new byte[head.length + overlong.length + tail.length];
            System.arraycopy(head, 0, json, 0, head.length);
            System.arraycopy(overlong, 0, json, head.length, overlong.length);
            System.arraycopy(tail, 0, json, head.length + overlong.length, tail.length);
            assertError(send("POST", "/topics/" + TOPIC, json, "application/vnd.kafka.json.v2+json", null), 400, 400);
        }
    }

    @Test
    void deeplyNestedJsonIsAClientError() throws Exception {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        assertError(send("POST", "/subjects/" + SUBJECT + "/versions",
                utf8("{\"schema\":\"x\",\"ignored\":" + nested + "}"), SR, null), 400, 400);
        assertError(send("POST", "/subjects/" + SUBJECT + "/versions",
                utf8("{\"schema\":\"x\",\"metadata\":{\"properties\":{\"a\":" + nested + "}}}"), SR, null), 400, 400);
        assertError(send("POST", "/topics/" + TOPIC, utf8("{\"records\":[{\"value\":" + nested + "}]}"),
                "application/vnd.kafka.json.v2+json", null), 400, 400);
    }

    @Test
    void bodyOverTheMaximumIs413() throws Exception {
        String big = "{\"schema\":\"" + "x".repeat(MAX) + "\"}";
        HttpResponse<String> answer = send("POST", "/subjects/" + SUBJECT + "/versions", utf8(big), SR, null);
        assertError(answer, 413, 413);
        assertError(send("POST", "/topics/" + TOPIC, utf8("{\"records\":[{\"value\":\"" + "A".repeat(MAX) + "\"}]}"),
                BINARY, null), 413, 413);
    }

    /** A streamed (chunked) body declares no length: the limit is counted while it is read. */
    @Test
    void streamedBodyOverTheMaximumIs413() throws Exception {
        byte[] big = utf8("{\"schema\":\"" + "x".repeat(2 * MAX) + "\"}");
        assertError(sendStreamed("/subjects/" + SUBJECT + "/versions", big, SR), 413, 413);
        byte[] records = utf8("{\"records\":[{\"value\":\"" + "A".repeat(2 * MAX) + "\"}]}");
        assertError(sendStreamed("/topics/" + TOPIC, records, BINARY), 413, 413);
    }

    /** API.md A.1: an Accept matching none of the served types is 406, itself a JSON error object. */
    @Test
    void errorsAreJsonWhateverTheAccept() throws Exception {
        assertError(send("GET", "/subjects/" + SUBJECT + "-missing/versions", null, null, "text/html"), 406, 406);
        assertError(send("GET", "/topics/" + TOPIC + "-missing", null, null, "text/html"), 406, 406);
        assertError(send("GET", "/no/such/path", null, null, "text/html"), 404, 404);
        assertError(send("POST", "/subjects/" + SUBJECT + "/versions", utf8("{"), SR, "text/html"), 406, 406);
    }

    @Test
    void unsupportedContentTypeIsAJsonError() throws Exception {
        assertError(send("POST", "/subjects/" + SUBJECT + "/versions", utf8("{\"schema\":\"\\\"int\\\"\"}"),
                "text/html", null), 415, 415);
        assertError(send("POST", "/topics/" + TOPIC, utf8("{\"records\":[{\"value\":\"AA==\"}]}"), "text/html", null),
                415, 415);
    }

    /** Every endpoint that reads a JSON object, fed JSON of the wrong shape or no JSON at all. */
    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("endpointsAndBadBodies")
    void everyBodyReadingEndpointAnswersAClientError(String method, String path, String bodyName, byte[] body)
            throws Exception {
        String type = path.startsWith("/topics") ? BINARY
                : path.startsWith("/consumers") || path.startsWith("/v3") ? "application/vnd.kafka.v2+json" : SR;
        HttpResponse<String> answer = send(method, path.replace("{s}", SUBJECT).replace("{t}", TOPIC), body, type, null);
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, answer.statusCode() + " " + answer.body());
        errorBody(answer);
    }

    /**
     * Endpoints that need a JSON object with content. Not listed: consumer creation and offset commits,
     * where none means the defaults (API.md C), and PUT /config, where every field of the update is
     * optional in Confluent 7.x and our server reads no body as an update of nothing.
     */
    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("endpointsAndMissingBodies")
    void endpointsNeedingAnObjectRefuseNone(String method, String path, String bodyName, byte[] body)
            throws Exception {
        everyBodyReadingEndpointAnswersAClientError(method, path, bodyName, body);
    }

    static Stream<Arguments> endpointsAndMissingBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("an empty body", new byte[0]);
        bodies.put("JSON null", utf8("null"));
        bodies.put("an empty object", utf8("{}"));
        List<String[]> endpoints = List.of(
                new String[] {"POST", "/subjects/{s}/versions"}, new String[] {"POST", "/subjects/{s}"},
                new String[] {"POST", "/compatibility/subjects/{s}/versions/latest"},
                new String[] {"POST", "/compatibility/subjects/{s}/versions"},
                new String[] {"PUT", "/mode/{s}"},
                new String[] {"POST", "/topics/{t}"}, new String[] {"POST", "/topics/{t}/partitions/0"},
                new String[] {"POST", "/consumers/g" + ID + "/instances/i/subscription"},
                new String[] {"POST", "/consumers/g" + ID + "/instances/i/assignments"},
                new String[] {"POST", "/consumers/g" + ID + "/instances/i/positions"},
                new String[] {"POST", "/v3/clusters/c/topics"});
        return endpoints.stream().flatMap(endpoint -> bodies.entrySet().stream()
                .map(body -> Arguments.of(endpoint[0], endpoint[1], body.getKey(), body.getValue())));
    }

    static Stream<Arguments> endpointsAndBadBodies() {
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("an array", utf8("[]"));
        bodies.put("a string", utf8("\"x\""));
        bodies.put("truncated JSON", utf8("{\"a\":"));
        bodies.put("invalid UTF-8", invalidUtf8);
        bodies.put("JSON nested 5000 deep", utf8("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        List<String[]> endpoints = List.of(
                new String[] {"POST", "/subjects/{s}/versions"}, new String[] {"POST", "/subjects/{s}"},
                new String[] {"POST", "/compatibility/subjects/{s}/versions/latest"},
                new String[] {"POST", "/compatibility/subjects/{s}/versions"},
                new String[] {"PUT", "/config"}, new String[] {"PUT", "/config/{s}"},
                new String[] {"PUT", "/mode"}, new String[] {"PUT", "/mode/{s}"},
                new String[] {"POST", "/topics/{t}"}, new String[] {"POST", "/topics/{t}/partitions/0"},
                new String[] {"POST", "/consumers/g" + ID},
                new String[] {"POST", "/consumers/g" + ID + "/instances/i/subscription"},
                new String[] {"POST", "/consumers/g" + ID + "/instances/i/assignments"},
                new String[] {"POST", "/consumers/g" + ID + "/instances/i/positions"},
                new String[] {"POST", "/consumers/g" + ID + "/instances/i/offsets"},
                new String[] {"POST", "/v3/clusters/c/topics"});
        return endpoints.stream().flatMap(endpoint -> bodies.entrySet().stream()
                .map(body -> Arguments.of(endpoint[0], endpoint[1], body.getKey(), body.getValue())));
    }

    private static JsonNode assertError(HttpResponse<String> answer, int status, int code) throws Exception {
        assertEquals(status, answer.statusCode(), answer.body());
        JsonNode body = errorBody(answer);
        assertEquals(code, body.get("error_code").asInt(), answer.body());
        return body;
    }

    private static JsonNode errorBody(HttpResponse<String> answer) throws Exception {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.contains("json"), "Content-Type " + type + " of " + answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertTrue(body.isObject() && body.path("error_code").isInt() && body.path("message").isTextual(),
                "error object: " + answer.body());
        assertEquals(answer.statusCode(), body.get("error_code").asInt() / (body.get("error_code").asInt() >= 1000 ? 100 : 1),
                "error_code matches the status: " + answer.body());
        return body;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> sendStreamed(String path, byte[] body, String type) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, byte[] body, String type, String accept)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
