package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Schema Registry endpoint × four callers against the jar with a {@code registry_authfile}
 * (API.md D.2; Karapace src/karapace/api/routers/*.py and controller.py for the checks, errors.py for
 * the denial bodies). Callers: admin (Write {@code .*}), reader (Read {@code Subject:app.*} and Read
 * {@code Config:}), none (a known user without rules), anon (no credentials).
 *
 * <p>A cell is {@code STATUS}, {@code STATUS/ERROR_CODE}, or {@code 200 [subjects]} for list answers
 * (the subjects listed, in order). Where a writer is allowed, the request is built so that the
 * registry's own answer proves the check passed without spoiling later rows (e.g. deleting version 99
 * answers 40402, "version not found", where a denial answers 40401). Rows run top to bottom, each
 * row's callers left to right.
 */
@ExtendWith(SharedKafka.class)
class AuthorizationMatrixIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String[] CALLERS = {"admin", "reader", "none", "anon"};
    private static final String STRING_SCHEMA = "{\"schema\":\"\\\"string\\\"\"}";
    private static final String INT_SCHEMA = "{\"schema\":\"\\\"int\\\"\"}";

    // A = id of "string" under app-value, B = id of "int" under secret-value; {A}/{B} are replaced.
    //        method  path                                                  body            admin                        reader                       none            anon
    private static final String[][] MATRIX = {
        {"GET",    "/",                                                     null,           "200",                       "200",                       "200",          "200"},
        {"GET",    "/_health",                                              null,           "200",                       "200",                       "200",          "200"},
        {"GET",    "/schemas/types",                                        null,           "200",                       "200",                       "200",          "200"},
        {"GET",    "/contexts",                                             null,           "200",                       "200",                       "200",          "401"},
        {"GET",    "/v1/metadata/version",                                  null,           "200",                       "200",                       "200",          "401"},
        {"GET",    "/subjects",                                             null,           "200 [app-value,secret-value]", "200 [app-value]",        "200 []",       "401"},
        {"GET",    "/subjects?deleted=true",                                null,           "200 [app-value,secret-value]", "200 [app-value]",        "200 []",       "401"},
        {"GET",    "/schemas",                                              null,           "200 [app-value,secret-value]", "200 [app-value]",        "200 []",       "401"},
        {"GET",    "/schemas/ids/{A}",                                      null,           "200",                       "200",                       "404/40403",    "401"},
        {"GET",    "/schemas/ids/{B}",                                      null,           "200",                       "404/40403",                 "404/40403",    "401"},
        {"GET",    "/schemas/ids/{B}/schema",                               null,           "200",                       "404/40403",                 "404/40403",    "401"},
        {"GET",    "/schemas/ids/999999",                                   null,           "404/40403",                 "404/40403",                 "404/40403",    "401"},
        {"GET",    "/schemas/ids/{A}/subjects",                             null,           "200 [app-value]",           "200 [app-value]",           "200 []",       "401"},
        {"GET",    "/schemas/ids/{B}/subjects",                             null,           "200 [secret-value]",        "200 []",                    "200 []",       "401"},
        {"GET",    "/schemas/ids/{B}/versions",                             null,           "200 [secret-value]",        "200 []",                    "200 []",       "401"},
        {"GET",    "/subjects/app-value/versions",                          null,           "200",                       "200",                       "404/40401",    "401"},
        {"GET",    "/subjects/secret-value/versions",                       null,           "200",                       "404/40401",                 "404/40401",    "401"},
        {"GET",    "/subjects/app-missing/versions",                        null,           "404/40401",                 "404/40401",                 "404/40401",    "401"},
        {"GET",    "/subjects/app-value/versions/1",                        null,           "200",                       "200",                       "404/40401",    "401"},
        {"GET",    "/subjects/secret-value/versions/latest",                null,           "200",                       "404/40401",                 "404/40401",    "401"},
        {"GET",    "/subjects/secret-value/versions/1/schema",              null,           "200",                       "404/40401",                 "404/40401",    "401"},
        {"GET",    "/subjects/secret-value/versions/1/referencedby",        null,           "200",                       "404/40401",                 "404/40401",    "401"},
        {"POST",   "/subjects/app-value",                                   STRING_SCHEMA,  "200",                       "200",                       "404/40401",    "401"},
        {"POST",   "/subjects/secret-value",                                INT_SCHEMA,     "200",                       "404/40401",                 "404/40401",    "401"},
        {"POST",   "/compatibility/subjects/app-value/versions/latest",     STRING_SCHEMA,  "200",                       "200",                       "404/40401",    "401"},
        {"POST",   "/compatibility/subjects/secret-value/versions",         INT_SCHEMA,     "200",                       "404/40401",                 "404/40401",    "401"},
        {"POST",   "/subjects/app-value/versions",                          STRING_SCHEMA,  "200",                       "404/40401",                 "404/40401",    "401"},
        {"POST",   "/subjects/secret-value/versions",                       INT_SCHEMA,     "200",                       "404/40401",                 "404/40401",    "401"},
        {"DELETE", "/subjects/app-value/versions/99",                       null,           "404/40402",                 "404/40401",                 "404/40401",    "401"},
        {"DELETE", "/subjects/app-value?permanent=true",                    null,           "404/40405",                 "404/40401",                 "404/40401",    "401"},
        {"DELETE", "/subjects/secret-value?permanent=true",                 null,           "404/40405",                 "404/40401",                 "404/40401",    "401"},
        {"GET",    "/config",                                               null,           "200",                       "200",                       "403",          "401"},
        {"PUT",    "/config",                                               "{\"compatibility\":\"BACKWARD\"}", "200", "403",                     "403",          "401"},
        {"GET",    "/config/app-value?defaultToGlobal=true",                null,           "200",                       "200",                       "404/40401",    "401"},
        {"GET",    "/config/secret-value?defaultToGlobal=true",             null,           "200",                       "404/40401",                 "404/40401",    "401"},
        {"PUT",    "/config/app-value",                                     "{\"compatibility\":\"NONE\"}", "200",     "404/40401",                 "404/40401",    "401"},
        {"DELETE", "/config/app-value",                                     null,           "200",                       "404/40401",                 "404/40401",    "401"},
        {"PUT",    "/config/secret-value",                                  "{\"compatibility\":\"NONE\"}", "200",     "404/40401",                 "404/40401",    "401"},
        {"DELETE", "/config/secret-value",                                  null,           "200",                       "404/40401",                 "404/40401",    "401"},
        {"DELETE", "/config",                                               null,           "200",                       "403",                       "403",          "401"},
        {"GET",    "/mode",                                                 null,           "200",                       "200",                       "403",          "401"},
        {"PUT",    "/mode",                                                 "{\"mode\":\"READWRITE\"}", "200",         "403",                       "403",          "401"},
        {"GET",    "/mode/app-value?defaultToGlobal=true",                  null,           "200",                       "200",                       "404/40401",    "401"},
        {"GET",    "/mode/secret-value?defaultToGlobal=true",               null,           "200",                       "404/40401",                 "404/40401",    "401"},
        {"PUT",    "/mode/app-value",                                       "{\"mode\":\"READWRITE\"}", "200",         "404/40401",                 "404/40401",    "401"},
        {"DELETE", "/mode/app-value",                                       null,           "200",                       "404/40401",                 "404/40401",    "401"},
        {"PUT",    "/mode/secret-value",                                    "{\"mode\":\"READWRITE\"}", "200",         "404/40401",                 "404/40401",    "401"},
        {"DELETE", "/mode/secret-value",                                    null,           "200",                       "404/40401",                 "404/40401",    "401"},
    };

    private static final java.util.regex.Pattern SUBJECT_IN_PATH =
            java.util.regex.Pattern.compile("(?:subjects|config|mode)/([^/?]+)");

    private static ServerProcess server;
    private static Map<String, String> ids;

    @BeforeAll
    static void start(KafkaHarness kafka, @TempDir Path dir) throws Exception {
        Path authfile = AuthFiles.write(dir.resolve("auth.json"), AuthFiles.MATRIX_USERS, AuthFiles.MATRIX_RULES);
        server = ServerLauncher.on(kafka).start(ServerLauncher.uniqueTopic("authz"),
                Map.of("registry_authfile", authfile.toString()));
        String a = MAPPER.readTree(send("admin", "POST", "/subjects/app-value/versions", STRING_SCHEMA).body())
                .get("id").asText();
        String b = MAPPER.readTree(send("admin", "POST", "/subjects/secret-value/versions", INT_SCHEMA).body())
                .get("id").asText();
        ids = Map.of("{A}", a, "{B}", b);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyCellAnswersAsTheTableSays() throws Exception {
        List<String> differing = new ArrayList<>();
        int cells = 0;
        for (String[] row : MATRIX) {
            String path = row[1].replace("{A}", ids.get("{A}")).replace("{B}", ids.get("{B}"));
            for (int caller = 0; caller < CALLERS.length; caller++) {
                cells++;
                HttpResponse<String> response = send(CALLERS[caller], row[0], path, row[2]);
                String problem = mismatch(row[3 + caller], response, path);
                if (problem != null) {
                    differing.add(row[0] + " " + path + " as " + CALLERS[caller] + ": " + problem);
                }
            }
        }
        assertEquals(MATRIX.length * CALLERS.length, cells);
        assertEquals(List.of(), differing, differing.size() + " of " + cells + " cells differ");
    }

    /** Null when the answer is the cell's; else what differs. */
    private static String mismatch(String cell, HttpResponse<String> response, String path) throws Exception {
        String[] parts = cell.split(" ", 2);
        String[] status = parts[0].split("/");
        String got = response.statusCode() + " " + response.body();
        if (response.statusCode() != Integer.parseInt(status[0])) {
            return "expected " + cell + ", got " + got;
        }
        JsonNode body = response.body().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(response.body());
        if (status.length == 2 && body.path("error_code").asInt() != Integer.parseInt(status[1])) {
            return "expected " + cell + ", got " + got;
        }
        if ("40401".equals(status.length == 2 ? status[1] : "")) {
            // Karapace errors.py subject_not_found: the very body of a missing subject
            java.util.regex.Matcher named = SUBJECT_IN_PATH.matcher(path);
            String subject = named.find() ? named.group(1) : "";
            if (!("Subject '" + subject + "' not found.").equals(body.path("message").asText())) {
                return "denial differs from a missing subject: " + got;
            }
        }
        return switch (parts[0]) {
            // Karapace api/user.py and errors.py unauthorized()
            case "401" -> "Basic realm=\"Karapace Schema Registry\"".equals(
                    response.headers().firstValue("WWW-Authenticate").orElse(""))
                    && MAPPER.readTree("{\"message\":\"Unauthorized\"}").equals(body) ? null : "bad 401: " + got;
            case "403" -> MAPPER.readTree("{\"message\":\"Forbidden\"}").equals(body) ? null : "bad 403: " + got;
            default -> parts.length == 2 ? listMismatch(parts[1], body) : null;
        };
    }

    private static String listMismatch(String expected, JsonNode body) {
        List<String> subjects = new ArrayList<>();
        body.forEach(item -> subjects.add(item.isTextual() ? item.asText() : item.path("subject").asText()));
        String actual = "[" + String.join(",", subjects) + "]";
        return expected.equals(actual) ? null : "expected list " + expected + ", got " + actual;
    }

    static HttpResponse<String> send(String caller, String method, String path, String body) throws Exception {
        return send(server, caller, method, path, body);
    }

    static HttpResponse<String> send(ServerProcess target, String caller, String method, String path, String body)
            throws Exception {
        return send(target, caller, method, path, body, "application/vnd.schemaregistry.v1+json");
    }

    static HttpResponse<String> send(ServerProcess target, String caller, String method, String path, String body,
                                     String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.baseUri() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", type);
        }
        if (!"anon".equals(caller)) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (caller + ":" + AuthFiles.password(caller)).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A wrong password is as good as none (Karapace api/user.py: AuthenticationError → 401). */
    @Test
    void wrongPasswordIsUnauthorized() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/subjects"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:not-the-password".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals("Basic realm=\"Karapace Schema Registry\"",
                response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }
}
