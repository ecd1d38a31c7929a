package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** karapace_registry=false: a proxy-only process registers and reads schemas in a registry elsewhere. */
@ExtendWith(SharedKafka.class)
class ProxyOnlyIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String AVRO = "application/vnd.kafka.avro.v2+json";
    private static final String V2 = "application/vnd.kafka.v2+json";

    @Test
    void aProxyWithoutItsOwnRegistryUsesTheConfiguredOne(KafkaHarness kafka) throws Exception {
        ServerLauncher launcher = ServerLauncher.on(kafka);
        try (ServerProcess registry = launcher.start(ServerLauncher.uniqueTopic("remote"));
             ServerProcess proxy = launcher.start(ServerLauncher.uniqueTopic("unused"), Map.of(
                     "karapace_rest", true, "karapace_registry", false,
                     "registry_host", "127.0.0.1", "registry_port", registry.port()))) {
            String topic = "remote-" + UUID.randomUUID();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
            JsonNode produced = MAPPER.readTree(send(proxy, "POST", "/topics/" + topic, AVRO,
                    "{\"value_schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":"
                            + "[{\\\"name\\\":\\\"name\\\",\\\"type\\\":\\\"string\\\"}]}\","
                            + "\"records\":[{\"value\":{\"name\":\"far\"}}]}", 200));
            int id = produced.get("value_schema_id").intValue();
            assertEquals("[\"" + topic + "-value\"]", send(registry, "GET", "/subjects", null, null, 200));
            assertTrue(send(registry, "GET", "/schemas/ids/" + id, null, null, 200).contains("\\\"name\\\":\\\"R\\\""),
                    "the registry holds the schema the proxy registered");

            String base = "/consumers/remote-group/instances/c";
            send(proxy, "POST", "/consumers/remote-group", V2,
                    "{\"name\":\"c\",\"format\":\"avro\",\"auto.offset.reset\":\"earliest\"}", 200);
            send(proxy, "POST", base + "/subscription", V2, "{\"topics\":[\"" + topic + "\"]}", 204);
            JsonNode records = MAPPER.readTree("[]");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = MAPPER.readTree(send(proxy, "GET", base + "/records?timeout=1000", null, null, 200));
            }
            assertEquals(MAPPER.readTree("{\"name\":\"far\"}"), records.get(0).get("value"));
        }
    }

    private static String send(ServerProcess server, String method, String path, String type, String body,
                               int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (path.endsWith("/records?timeout=1000")) {
            request.header("Accept", AVRO);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }
}
