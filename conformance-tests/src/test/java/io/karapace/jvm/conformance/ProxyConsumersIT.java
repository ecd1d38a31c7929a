package io.karapace.jvm.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** REST Proxy v2 consumers end to end: the shipped jar, records from a plain Kafka producer, many long polls. */
@ExtendWith(SharedKafka.class)
class ProxyConsumersIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String V2 = "application/vnd.kafka.v2+json";

    private static ServerProcess server;
    private static String bootstrap;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start(KafkaHarness kafka) {
        server = ServerLauncher.on(kafka).start(ServerLauncher.uniqueTopic("consumers"), Map.of("karapace_rest", true));
        bootstrap = kafka.bootstrapServers();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void recordsWrittenInConfluentsWireFormatByAPlainProducerAreRenderedPerFormat() throws Exception {
        int avroId = register("avro-value", "AVRO", "{\"type\":\"record\",\"name\":\"U\",\"fields\":"
                + "[{\"name\":\"name\",\"type\":\"string\"}]}");
        int jsonId = register("json-value", "JSON", "{\"type\":\"object\"}");
        int protoId = register("proto-value", "PROTOBUF",
                "syntax = \"proto3\";\nmessage U { string user_name = 1; }\n");
        byte[] ann = "ann".getBytes(UTF_8);
        byte[] avro = concat(new byte[] {(byte) (ann.length * 2)}, ann);
        byte[] proto = concat(new byte[] {0, 0x0a, (byte) ann.length}, ann);

        assertEquals(MAPPER.readTree("{\"name\":\"ann\"}"), consumeOne("avro", frame(avroId, avro)));
        assertEquals(MAPPER.readTree("{\"a\":[1,null]}"),
                consumeOne("jsonschema", frame(jsonId, "{\"a\":[1,null]}".getBytes(UTF_8))));
        assertEquals(MAPPER.readTree("{\"userName\":\"ann\"}"), consumeOne("protobuf", frame(protoId, proto)));
    }

    @Test
    void manyLongPollsHoldNoServerThreadSoOtherRequestsAnswerPromptly() throws Exception {
        String topic = newTopic();
        String group = "polls-" + UUID.randomUUID();
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "c" + i;
            assertEquals(200, send(post("/consumers/" + group, "{\"name\":\"" + name + "\"}")).statusCode());
            assertEquals(204, send(post("/consumers/" + group + "/instances/" + name + "/assignments",
                    "{\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":0}]}")).statusCode());
            instances.add(name);
        }
        long pollsStarted = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> polls = instances.stream().map(name -> HTTP.sendAsync(
                get("/consumers/" + group + "/instances/" + name + "/records?timeout=5000",
                        "application/vnd.kafka.binary.v2+json"), HttpResponse.BodyHandlers.ofString())).toList();
        Thread.sleep(500);

        assertPrompt(get("/topics", V2), 200);
        assertPrompt(get("/subjects", "application/vnd.schemaregistry.v1+json"), 200);
        assertPrompt(HttpRequest.newBuilder(uri("/topics/" + topic)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/vnd.kafka.json.v2+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"records\":[{\"value\":1}]}")).build(), 200);
        assertPrompt(get("/brokers", V2), 200);

        for (CompletableFuture<HttpResponse<String>> poll : polls) {
            assertEquals(200, poll.get().statusCode(), poll.get().body());
        }
        assertTrue(System.nanoTime() - pollsStarted < Duration.ofSeconds(30).toNanos());
        for (String name : instances) {
            send(HttpRequest.newBuilder(uri("/consumers/" + group + "/instances/" + name)).DELETE().build());
        }
    }

    private static void assertPrompt(HttpRequest request, int status) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = send(request);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(millis < 1000, request.uri() + " took " + millis + " ms while long polls were pending");
    }

    private JsonNode consumeOne(String format, byte[] value) throws Exception {
        String topic = newTopic();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(new ProducerRecord<>(topic, null, value)).get();
        }
        String group = "g-" + UUID.randomUUID();
        String instance = "/consumers/" + group + "/instances/c";
        assertEquals(200, send(post("/consumers/" + group, "{\"name\":\"c\",\"format\":\"" + format + "\","
                + "\"auto.offset.reset\":\"earliest\"}")).statusCode());
        assertEquals(204, send(post(instance + "/subscription", "{\"topics\":[\"" + topic + "\"]}")).statusCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String accept = "application/vnd.kafka." + format + ".v2+json";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> fetched = send(get(instance + "/records?timeout=1000", accept));
            assertEquals(200, fetched.statusCode(), fetched.body());
            assertEquals(accept, fetched.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
            JsonNode records = MAPPER.readTree(fetched.body());
            if (!records.isEmpty()) {
                assertEquals(1, records.size());
                assertTrue(records.get(0).get("key").isNull());
                send(HttpRequest.newBuilder(uri(instance)).DELETE().build());
                return records.get(0).get("value");
            }
        }
        throw new AssertionError("no record for the " + format + " consumer");
    }

    private static int register(String subject, String type, String schema) throws Exception {
        String body = MAPPER.writeValueAsString(Map.of("schemaType", type, "schema", schema));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, response.statusCode(), response.body());
        return MAPPER.readTree(response.body()).get("id").intValue();
    }

    private static String newTopic() throws Exception {
        String topic = "consumers-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private static Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private static byte[] frame(int id, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(id).put(payload).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static URI uri(String path) {
        return URI.create(server.baseUri().replaceAll("/$", "") + path);
    }

    private static HttpRequest get(String path, String accept) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Accept", accept).GET().build();
    }

    private static HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Content-Type", V2)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
