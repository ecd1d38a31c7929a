package io.karapace.jvm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.app.KarapaceServer;
import io.karapace.jvm.config.ConfigLoader;
import io.karapace.jvm.testing.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /metrics on a real server (registry and REST proxy, registry_authfile set) over a real broker:
 * known traffic, then the exact lines it must show. Sources: the issue ("GET /metrics" task), Karapace
 * src/karapace/core/instrumentation/prometheus.py (HTTP names and labels), core/stats.py (schema reader
 * names), API.md D.2 (/metrics needs no auth) and D.3.
 */
class MetricsEndpointTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SR = "application/vnd.schemaregistry.v1+json";
    private static final String ID = UUID.randomUUID().toString().substring(0, 8);
    private static final String SUBJECT_A = "metricsubja" + ID;
    private static final String SUBJECT_B = "metricsubjb" + ID;
    private static final String SUBJECT_C = "metricsubjc" + ID;
    private static final String TOPIC = "metrictopic" + ID;
    private static final int PRODUCED = 3;

    @TempDir
    static Path dir;
    static KarapaceServer server;
    static String metrics;

    @BeforeAll
    static void startAndSendKnownTraffic() throws Exception {
        Path authfile = Files.writeString(dir.resolve("auth.json"), "{\"users\": [{\"username\": \"admin\","
                + " \"algorithm\": \"sha256\", \"salt\": \"s\", \"password_hash\": \"" + sha256("pw", "s") + "\"}],"
                + " \"permissions\": [{\"username\": \"admin\", \"operation\": \"Write\", \"resource\": \".*\"}]}");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, String> env = Map.of("KARAPACE_PORT", "0", "KARAPACE_BOOTSTRAP_URI", KAFKA.bootstrapServers(),
                // the schemas topic is one configured name, in the client ids of the server's Kafka clients (a
                // bounded label); it gets a token of its own so that the label check below concerns user names
                "KARAPACE_TOPIC_NAME", "_schemas_metrics_" + UUID.randomUUID(), "KARAPACE_GROUP_ID", "metrics-" + ID,
                "KARAPACE_REGISTRY_AUTHFILE", authfile.toString(), "KARAPACE_LOG_LEVEL", "WARNING");
        server = KarapaceServer.start(ConfigLoader.load(Optional.empty(), env).config(), List.of());
        awaitPrimary();

        String avro = "{\"schema\": \"{\\\"type\\\": \\\"record\\\", \\\"name\\\": \\\"R%s\\\", \\\"fields\\\": []}\"}";
        assertEquals(200, send("POST", "/subjects/" + SUBJECT_A + "/versions", avro.formatted("a"), SR).statusCode());
        assertEquals(200, send("POST", "/subjects/" + SUBJECT_B + "/versions", avro.formatted("b"), SR).statusCode());
        assertEquals(200, send("POST", "/subjects/" + SUBJECT_C + "/versions",
                "{\"schemaType\": \"JSON\", \"schema\": \"{\\\"type\\\": \\\"object\\\"}\"}", SR).statusCode());
        assertEquals(200, send("DELETE", "/subjects/" + SUBJECT_A + "/versions/1", null, null).statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, send("GET", "/subjects/" + SUBJECT_B + "/versions", null, null).statusCode());
        }
        assertEquals(404, send("GET", "/no/such/" + SUBJECT_B, null, null).statusCode());
        StringBuilder records = new StringBuilder("{\"records\": [");
        for (int i = 0; i < PRODUCED; i++) {
            records.append(i == 0 ? "" : ",").append("{\"value\": {\"n\": ").append(i).append("}}");
        }
        HttpResponse<String> produced = send("POST", "/topics/" + TOPIC, records.append("]}").toString(),
                "application/vnd.kafka.json.v2+json");
        assertEquals(200, produced.statusCode(), produced.body());
        assertFalse(produced.body().contains("error_code\":5"), produced.body());

        HttpResponse<String> scrape = CLIENT.send(HttpRequest.newBuilder(uri("/metrics")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode(), "API.md D.2: /metrics needs no auth even with registry_authfile");
        // api-spec/schema-registry.yaml getMetrics: text/plain; version=0.0.4, Prometheus' text format
        String type = scrape.headers().firstValue("Content-Type").orElse("").replace(" ", "");
        assertTrue(type.startsWith("text/plain;") && type.contains("version=0.0.4"), type);
        metrics = scrape.body();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void httpRequestsAreCountedByRouteTemplateMethodAndStatus() {
        // Karapace prometheus.py: karapace_http_requests_total{method,path,status}, path = normalized route
        assertLine("karapace_http_requests_total{method=\"POST\",path=\"/subjects/{subject}/versions\",status=\"200\"} 3.0");
        assertLine("karapace_http_requests_total{method=\"DELETE\",path=\"/subjects/{subject}/versions/{version}\","
                + "status=\"200\"} 1.0");
        assertLine("karapace_http_requests_total{method=\"GET\",path=\"/subjects/{subject}/versions\",status=\"200\"} 3.0");
        assertLine("karapace_http_requests_total{method=\"POST\",path=\"/topics/{topic}\",status=\"200\"} 1.0");
        // the issue: unmatched routes get one fixed label value
        assertLine("karapace_http_requests_total{method=\"GET\",path=\"unmatched\",status=\"404\"} 1.0");
        // Karapace telemetry/metrics.py: karapace_http_requests_duration_seconds{method,path}, a histogram
        assertLine("karapace_http_requests_duration_seconds_count{method=\"GET\",path=\"/subjects/{subject}/versions\"} 3");
        assertTrue(metrics.contains("karapace_http_requests_duration_seconds_bucket{method=\"GET\",path="
                + "\"/subjects/{subject}/versions\",le=\"0.1\"}"), "sensible buckets (the issue)");
        // Karapace prometheus.py: karapace_http_requests_in_progress{method,path}; none is in progress now
        assertLine("karapace_http_requests_in_progress{method=\"GET\",path=\"/subjects/{subject}/versions\"} 0.0");
        // the issue: request and response sizes
        assertLine("karapace_http_request_size_bytes_count{method=\"POST\",path=\"/subjects/{subject}/versions\"} 3");
        assertLine("karapace_http_response_size_bytes_count{method=\"GET\",path=\"/subjects/{subject}/versions\"} 3");
        // each GET of the versions of a one-version subject answers "[1]": 3 bytes
        assertLine("karapace_http_response_size_bytes_sum{method=\"GET\",path=\"/subjects/{subject}/versions\"} 9.0");
    }

    @Test
    void registryGaugesShowTheSchemasTopic() {
        // Karapace core/stats.py and in_memory_database.py: schemas = distinct ids, subjects, versions by state
        assertLine("karapace_schema_reader_schemas 3.0");
        assertLine("karapace_schema_reader_subjects 3.0");
        assertLine("karapace_schema_reader_subject_data_schema_versions{state=\"live\"} 2.0");
        assertLine("karapace_schema_reader_subject_data_schema_versions{state=\"soft_deleted\"} 1.0");
        // the issue: schemas by type
        assertLine("karapace_schema_reader_schemas_by_type{type=\"AVRO\"} 2.0");
        assertLine("karapace_schema_reader_schemas_by_type{type=\"JSON\"} 1.0");
        // Karapace schema_reader.py counts each schema record read: 3 registrations + 1 soft delete
        assertLine("karapace_schema_reader_records_processed_total{keymode=\"CANONICAL\"} 4.0");
        // the issue: is_primary, elections, reader offset and lag
        assertLine("karapace_is_primary 1.0");
        assertLine("karapace_elections_total 1.0");
        assertLine("karapace_forwarded_writes_total 0.0");
        assertTrue(metrics.contains("\nkarapace_schema_reader_offset "), "reader offset");
        assertTrue(metrics.contains("\nkarapace_schema_reader_lag "), "reader lag");
    }

    @Test
    void proxyJvmAndKafkaClientMetrics() {
        // the issue: produced records and bytes by format
        assertLine("karapace_rest_produced_records_total{format=\"json\"} " + PRODUCED + ".0");
        // {"n":0} .. {"n":2}: 7 bytes of value each, no key
        assertLine("karapace_rest_produced_bytes_total{format=\"json\"} " + (7 * PRODUCED) + ".0");
        assertLine("karapace_rest_produce_errors_total{format=\"json\"} 0.0");
        assertLine("karapace_rest_consumer_instances 0.0");
        assertLine("karapace_rest_consumer_fetches_waiting 0.0");
        // the issue: JVM memory, GC, threads (Micrometer's binder names)
        assertTrue(metrics.contains("\njvm_memory_used_bytes{"), "JVM memory");
        assertTrue(metrics.contains("\njvm_threads_live_threads "), "JVM threads");
        assertTrue(metrics.contains("jvm_gc_"), "GC");
        // the issue: Kafka client metrics of the server's own clients, e.g. the schemas topic reader
        assertTrue(Pattern.compile("\nkafka_consumer_fetch_manager_records_consumed_total\\{client_id=\"[^\"]*-reader\"")
                .matcher(metrics).find(), "Kafka consumer metrics of the reader");
        assertTrue(metrics.contains("\nkafka_producer_record_send_total{"), "Kafka producer metrics");
    }

    @Test
    void noLabelCarriesASubjectOrATopicName() {
        // the issue: no label takes unbounded values
        for (String name : List.of(SUBJECT_A, SUBJECT_B, SUBJECT_C, TOPIC, "/no/such")) {
            assertFalse(metrics.contains(name), name + " appears in /metrics");
        }
        Matcher labels = Pattern.compile("[a-z_]+=\"([^\"]*)\"").matcher(metrics);
        while (labels.find()) {
            assertFalse(labels.group(1).contains(ID), labels.group());
        }
    }

    private static void assertLine(String line) {
        assertTrue(metrics.lines().anyMatch(line::equals), () -> "missing line: " + line + "\nsimilar:\n"
                + String.join("\n", metrics.lines().filter(l -> l.startsWith(line.substring(0,
                        Math.max(line.indexOf('{'), line.indexOf(' '))))).toList()));
    }

    private static void awaitPrimary() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (send("GET", "/master_available", null, null).body().contains("true")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no primary after 60 s");
    }

    private static HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:pw".getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String sha256(String password, String salt) throws Exception {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 5000, 256);
        return Base64.getEncoder().encodeToString(
                SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
    }
}
