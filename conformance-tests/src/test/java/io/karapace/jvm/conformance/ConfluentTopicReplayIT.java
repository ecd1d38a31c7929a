package io.karapace.jvm.conformance;

import static io.karapace.jvm.conformance.RegistryCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.TextNode;
import io.karapace.jvm.conformance.fixture.HttpResult;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code _schemas} topic written by hand, record for record as Confluent Schema Registry (and older
 * Karapace) write it, is served exactly as Confluent would serve it (API.md Part B).
 */
@ExtendWith(SharedKafka.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfluentTopicReplayIT {

    private static final String ORDER_V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";
    private static final String ORDER_V2 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"total\",\"type\":\"double\",\"default\":0.0}]}";
    private static final String ORDER_V3 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"total\",\"type\":\"double\",\"default\":0.0},{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";

    private static ServerProcess server;
    private static RegistryCalls registry;

    private record Entry(String key, String value) {
    }

    private static Entry schema(String subject, int version, int id, String schema, boolean deleted) {
        return new Entry(schemaKey(subject, version),
                "{\"subject\":" + quote(subject) + ",\"version\":" + version + ",\"id\":" + id
                        + ",\"schema\":" + quote(schema) + ",\"deleted\":" + deleted + "}");
    }

    private static String schemaKey(String subject, int version) {
        return "{\"keytype\":\"SCHEMA\",\"subject\":" + quote(subject) + ",\"version\":" + version + ",\"magic\":1}";
    }

    private static String karapaceSchemaKey(String subject, int version) {
        return "{\"subject\":" + quote(subject) + ",\"version\":" + version + ",\"magic\":1,\"keytype\":\"SCHEMA\"}";
    }

    private static String quote(String text) {
        return TextNode.valueOf(text).toString();
    }

    /** Empty-string values stand for Karapace's empty-bytes tombstones, null for Confluent's real ones. */
    private static List<Entry> topicContent() {
        return List.of(
                schema("orders-value", 1, 21, ORDER_V1, false),
                schema("orders-value", 2, 22, ORDER_V2, false),
                schema("orders-value", 3, 23, ORDER_V3, false),
                schema("orders-value", 3, 23, ORDER_V3, true),
                new Entry(schemaKey("users-value", 1),
                        "{\"subject\":\"users-value\",\"version\":1,\"id\":30,\"schema\":\"\\\"string\\\"\"}"),
                schema("users-value", 2, 99, "\"long\"", false),
                schema("users-value", 2, 99, "\"long\"", true),
                new Entry(schemaKey("users-value", 2), null),
                new Entry("{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}"),
                new Entry("{\"keytype\":\"CONFIG\",\"subject\":\"orders-value\",\"magic\":0}", "{\"compatibilityLevel\":\"NONE\"}"),
                schema("legacy-value", 1, 40, "\"int\"", false),
                schema("legacy-value", 2, 41, "\"long\"", false),
                new Entry("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"legacy-value\",\"magic\":0}",
                        "{\"subject\":\"legacy-value\",\"version\":2}"),
                schema("legacy-value", 3, 42, "\"float\"", false),
                new Entry("{\"keytype\":\"NOOP\",\"magic\":0}", null),
                new Entry(karapaceSchemaKey("karapace-value", 1),
                        "{\"subject\":\"karapace-value\",\"version\":1,\"id\":50,\"schema\":\"\\\"bytes\\\"\",\"deleted\":false}"),
                new Entry(karapaceSchemaKey("karapace-value", 2),
                        "{\"subject\":\"karapace-value\",\"version\":2,\"id\":51,\"schema\":\"\\\"boolean\\\"\",\"deleted\":false}"),
                new Entry(karapaceSchemaKey("karapace-value", 2),
                        "{\"subject\":\"karapace-value\",\"version\":2,\"id\":51,\"schema\":\"\\\"boolean\\\"\",\"deleted\":true}"),
                new Entry(karapaceSchemaKey("karapace-value", 2), ""));
    }

    @BeforeAll
    static void startOnHandWrittenTopic(KafkaHarness kafka) throws Exception {
        String topic = ServerLauncher.uniqueTopic("replay");
        writeTopic(kafka.bootstrapServers(), topic, topicContent());
        server = ServerLauncher.on(kafka).start(topic);
        registry = new RegistryCalls(server);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static void writeTopic(String bootstrapServers, String topic, List<Entry> entries) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all().get();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Entry entry : entries) {
                byte[] value = entry.value() == null ? null : entry.value().getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, 0, entry.key().getBytes(StandardCharsets.UTF_8), value)).get();
            }
        }
    }

    private static void assertAnswer(String path, int status, String expectedJson) {
        HttpResult result = registry.get(path);
        assertEquals(status + " " + json(expectedJson), result.status() + " " + json(result), path);
    }

    private static String version(String subject, int version, int id, String schema) {
        return "{\"subject\":" + quote(subject) + ",\"version\":" + version + ",\"id\":" + id + ",\"schema\":" + quote(schema) + "}";
    }

    @Test
    void subjectsAreListedFromLiveVersionsAndSoftDeletesOnRequest() {
        assertAnswer("/subjects", 200, "[\"karapace-value\",\"legacy-value\",\"orders-value\",\"users-value\"]");
        assertAnswer("/subjects?deleted=true", 200, "[\"karapace-value\",\"legacy-value\",\"orders-value\",\"users-value\"]");
    }

    @Test
    void aRewrittenRecordSoftDeletesTheVersion() {
        assertAnswer("/subjects/orders-value/versions", 200, "[1,2]");
        assertAnswer("/subjects/orders-value/versions?deleted=true", 200, "[1,2,3]");
        assertAnswer("/subjects/orders-value/versions/latest", 200, version("orders-value", 2, 22, ORDER_V2));
        assertAnswer("/subjects/orders-value/versions/1", 200, version("orders-value", 1, 21, ORDER_V1));
        assertAnswer("/subjects/orders-value/versions/3?deleted=true", 200, version("orders-value", 3, 23, ORDER_V3));
        assertAnswer("/schemas/ids/23", 200, "{\"schema\":" + quote(ORDER_V3) + "}");
    }

    @Test
    void aNullValueHardDeletesAndAMissingDeletedFlagMeansLive() {
        assertAnswer("/subjects/users-value/versions?deleted=true", 200, "[1]");
        assertAnswer("/subjects/users-value/versions/1", 200, version("users-value", 1, 30, "\"string\""));
        assertAnswer("/subjects/users-value/versions/2?deleted=true", 404,
                "{\"error_code\":40402,\"message\":\"Version 2 not found.\"}");
    }

    @Test
    void deleteSubjectMarksOnlyTheVersionsUpToItsVersion() {
        assertAnswer("/subjects/legacy-value/versions", 200, "[3]");
        assertAnswer("/subjects/legacy-value/versions?deleted=true", 200, "[1,2,3]");
        assertAnswer("/subjects/legacy-value/versions/2?deleted=true", 200, version("legacy-value", 2, 41, "\"long\""));
    }

    @Test
    void karapaceKeyOrderAndEmptyTombstonesAreUnderstood() {
        assertAnswer("/subjects/karapace-value/versions?deleted=true", 200, "[1]");
        assertAnswer("/subjects/karapace-value/versions/1", 200, version("karapace-value", 1, 50, "\"bytes\""));
    }

    @Test
    void globalAndSubjectConfigRecordsApply() {
        assertAnswer("/config", 200, "{\"compatibilityLevel\":\"FULL\"}");
        assertAnswer("/config/orders-value", 200, "{\"compatibilityLevel\":\"NONE\"}");
        assertAnswer("/config/users-value", 404,
                "{\"error_code\":40408,\"message\":\"Subject 'users-value' does not have subject-level compatibility configured\"}");
        assertAnswer("/mode", 200, "{\"mode\":\"READWRITE\"}");
    }

    @Test
    @Order(Integer.MAX_VALUE) // writes: runs after the read-only checks
    void newRegistrationsReuseKnownIdsAndOtherwiseContinueAfterTheHighestIdEverWritten() {
        assertEquals(21, registry.register("copies-value", ORDER_V1), "identical content keeps its id");
        assertEquals(100, registry.register("fresh-value", "{\"type\":\"fixed\",\"name\":\"f\",\"size\":4}"),
                "next id = highest id in the topic (99, hard-deleted since) + 1");
    }
}
