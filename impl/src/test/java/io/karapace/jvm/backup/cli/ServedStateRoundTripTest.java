package io.karapace.jvm.backup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.app.KarapaceServer;
import io.karapace.jvm.config.ConfigLoader;
import io.karapace.jvm.testing.KafkaBroker;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup, restore into a new topic, and a server on the restored topic answers every GET as the
 * server on the original did: subjects, versions (soft-deleted too), ids, config and mode.
 */
class ServedStateRoundTripTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void aServerOnTheRestoredTopicAnswersAsTheOriginal() throws Exception {
        String original = "_schemas_backup_" + UUID.randomUUID();
        String restored = "_schemas_restored_" + UUID.randomUUID();
        Map<String, String> before;
        try (KarapaceServer server = server(original)) {
            String base = "http://127.0.0.1:" + server.port();
            populate(base);
            before = everyGet(base);
        }
        Path config = dir.resolve("karapace.json");
        Files.writeString(config, "{\"bootstrap_uri\": \"" + KAFKA.bootstrapServers() + "\", \"topic_name\": \""
                + original + "\"}");
        Path location = dir.resolve("backup");
        assertEquals(0, BackupRestoreTest.run("get", "--config", config.toString(), "--location",
                location.toString()).code());
        BackupRestoreTest.Result restore = BackupRestoreTest.run("restore", "--config", config.toString(), "--topic",
                restored, "--location", location.toString());
        assertEquals(0, restore.code(), restore.err());
        // the hard delete was written as tombstones (API.md B.2: every key variant), restored as such
        assertTrue(restore.out().contains(" tombstones)") && !restore.out().contains("(0 tombstones)"),
                restore.out());

        try (KarapaceServer server = server(restored)) {
            Map<String, String> after = everyGet("http://127.0.0.1:" + server.port());
            assertEquals(before.keySet(), after.keySet());
            before.forEach((path, body) -> assertEquals(body, after.get(path), path));
        }
    }

    private void populate(String base) throws Exception {
        String v1 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
        String v2 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
                + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}]}";
        register(base, "people-value", v1);
        register(base, "people-value", v2);
        register(base, "other-value", v1);
        send(base, "PUT", "/config/gone-value", "{\"compatibility\":\"NONE\"}");
        register(base, "gone-value", "\"string\"");
        register(base, "gone-value", "\"int\"");
        send(base, "PUT", "/config", "{\"compatibility\":\"FULL\"}");
        send(base, "PUT", "/config/people-value", "{\"compatibility\":\"NONE\"}");
        send(base, "PUT", "/mode/other-value", "{\"mode\":\"READONLY\"}");
        send(base, "DELETE", "/subjects/people-value/versions/1", null);
        send(base, "DELETE", "/subjects/gone-value/versions/1", null);
        send(base, "DELETE", "/subjects/gone-value/versions/1?permanent=true", null);
    }

    private Map<String, String> everyGet(String base) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/subjects", "/subjects?deleted=true", "/config", "/mode")) {
            answers.put(path, get(base, path));
        }
        TreeSet<Integer> ids = new TreeSet<>();
        for (JsonNode subject : JSON.readTree(get(base, "/subjects?deleted=true"))) {
            String s = "/subjects/" + URLEncoder.encode(subject.asText(), StandardCharsets.UTF_8);
            answers.put(s + "/versions", get(base, s + "/versions"));
            answers.put(s + "/versions?deleted=true", get(base, s + "/versions?deleted=true"));
            answers.put("/config" + s.substring(9), get(base, "/config" + s.substring(9)));
            answers.put("/mode" + s.substring(9), get(base, "/mode" + s.substring(9)));
            for (JsonNode version : JSON.readTree(get(base, s + "/versions?deleted=true"))) {
                String v = s + "/versions/" + version.asText() + "?deleted=true";
                String body = get(base, v);
                answers.put(v, body);
                ids.add(JSON.readTree(body).path("id").asInt());
            }
        }
        for (int id : ids) {
            answers.put("/schemas/ids/" + id, get(base, "/schemas/ids/" + id));
        }
        return answers;
    }

    private void register(String base, String subject, String schema) throws Exception {
        send(base, "POST", "/subjects/" + subject + "/versions", JSON.writeValueAsString(Map.of("schema", schema)));
    }

    private String get(String base, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private void send(String base, String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json").method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
    }

    private KarapaceServer server(String topic) {
        Map<String, String> env = Map.of("KARAPACE_PORT", "0", "KARAPACE_BOOTSTRAP_URI", KAFKA.bootstrapServers(),
                "KARAPACE_TOPIC_NAME", topic, "KARAPACE_KARAPACE_REST", "false", "KARAPACE_LOG_LEVEL", "WARNING");
        return KarapaceServer.start(ConfigLoader.load(Optional.empty(), env).config(), List.of());
    }
}
