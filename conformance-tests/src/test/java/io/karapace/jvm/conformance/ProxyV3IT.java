package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.client.proxy.v3.V3ClustersApi;
import io.karapace.jvm.client.proxy.v3.V3RecordsApi;
import io.karapace.jvm.client.proxy.v3.V3TopicsApi;
import io.karapace.jvm.client.proxy.v3.invoker.ApiClient;
import io.karapace.jvm.client.proxy.v3.invoker.ApiException;
import io.karapace.jvm.client.proxy.v3.model.V3CreateTopicRequest;
import io.karapace.jvm.client.proxy.v3.model.V3ProduceData;
import io.karapace.jvm.client.proxy.v3.model.V3ProduceRequest;
import io.karapace.jvm.client.proxy.v3.model.V3ProduceResponse;
import io.karapace.jvm.client.proxy.v3.model.V3Topic;
import io.karapace.jvm.conformance.fixture.HttpResult;
import io.karapace.jvm.conformance.fixture.RegistryHttp;
import io.karapace.jvm.conformance.fixture.SentRequest;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** REST Proxy v3 end to end: the shipped jar, karapace_rest=true, a real broker. */
@ExtendWith(SharedKafka.class)
class ProxyV3IT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static ServerProcess server;
    private static RegistryHttp http;
    private static String bootstrap;
    private static String cluster;

    @BeforeAll
    static void start(KafkaHarness kafka) throws Exception {
        server = ServerLauncher.on(kafka).start(ServerLauncher.uniqueTopic("v3"), Map.of("karapace_rest", true));
        http = new RegistryHttp(server.baseUri());
        bootstrap = kafka.bootstrapServers();
        cluster = json(ok(get("/v3/clusters"))).get("data").get(0).get("cluster_id").textValue();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theGeneratedV3ClientCreatesATopicAndProducesToIt() throws Exception {
        ApiClient client = new ApiClient().setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        client.updateBaseUri(server.baseUri());
        String clusterId = new V3ClustersApi(client).listClustersV3().getData().get(0).getClusterId();
        String topic = "v3-sdk-" + UUID.randomUUID().toString().substring(0, 8);

        V3Topic created = new V3TopicsApi(client).createTopicV3(clusterId,
                new V3CreateTopicRequest().topicName(topic).partitionsCount(2));
        V3ProduceResponse produced = new V3RecordsApi(client).produceRecordV3(clusterId, topic, new V3ProduceRequest()
                .partitionId(1).value(new V3ProduceData().type("JSON").data(Map.of("n", 1))));

        assertEquals(2, created.getPartitionsCount());
        assertEquals(200, produced.getErrorCode());
        assertEquals(1, produced.getPartitionId());
        assertEquals(0L, produced.getOffset());
        ApiException missing = assertThrows(ApiException.class, () -> new V3TopicsApi(client).getTopicV3(clusterId,
                topic + "-missing"));
        assertEquals(404, missing.getCode());
    }

    @Test
    void theClusterAndItsBrokersLinkToEachOther() throws Exception {
        HttpResult list = ok(get("/v3/clusters"));
        assertEquals("application/json", list.header("Content-Type").orElseThrow().split(";")[0]);
        JsonNode clusters = json(list);
        assertEquals("KafkaClusterList", clusters.get("kind").textValue());
        assertTrue(clusters.get("metadata").get("next").isNull());
        JsonNode one = json(ok(get("/v3/clusters/" + cluster)));
        assertEquals("crn:///kafka=" + cluster, one.get("metadata").get("resource_name").textValue());
        String base = server.baseUri().replaceAll("/$", "");
        assertEquals(base + "/v3/clusters/" + cluster + "/topics", one.get("topics").get("related").textValue());

        JsonNode brokers = json(ok(get("/v3/clusters/" + cluster + "/brokers")));
        JsonNode broker = brokers.get("data").get(0);
        assertEquals("KafkaBroker", broker.get("kind").textValue());
        assertTrue(broker.has("rack") && broker.get("rack").isNull());
        assertEquals(broker, json(ok(get("/v3/clusters/" + cluster + "/brokers/" + broker.get("broker_id").intValue()))));
        assertEquals(one.get("controller").get("related").textValue(), broker.get("metadata").get("self").textValue());
    }

    @Test
    void anUnknownClusterIsA404WithConfluentsBody() throws Exception {
        HttpResult cluster404 = get("/v3/clusters/nope");
        assertEquals(404, cluster404.status());
        assertEquals(404, json(cluster404).get("error_code").intValue());
        HttpResult topics404 = get("/v3/clusters/nope/topics");
        assertEquals(404, topics404.status());
        assertEquals("{\"error_code\":404,\"message\":\"Cluster nope cannot be found.\"}", topics404.body());
    }

    @Test
    void aTopicIsCreatedListedConfiguredAndDeleted() throws Exception {
        String topic = "v3-it-" + UUID.randomUUID().toString().substring(0, 8);
        String topics = "/v3/clusters/" + cluster + "/topics";
        HttpResult created = post(topics, "{\"topic_name\":\"" + topic + "\",\"partitions_count\":2,"
                + "\"replication_factor\":1,\"configs\":[{\"name\":\"cleanup.policy\",\"value\":\"compact\"}]}");
        assertEquals(201, created.status(), created.body());
        assertEquals(2, json(created).get("partitions_count").intValue());
        assertEquals("crn:///kafka=" + cluster + "/topic=" + topic,
                json(created).get("metadata").get("resource_name").textValue());

        HttpResult again = post(topics, "{\"topic_name\":\"" + topic + "\"}");
        assertEquals(400, again.status());
        assertEquals(40002, json(again).get("error_code").intValue());
        assertEquals(200, post(topics, "{\"topic_name\":\"" + topic + "-x\",\"validate_only\":true}").status());

        boolean listed = false;
        for (JsonNode t : json(ok(get(topics))).get("data")) {
            listed |= t.get("topic_name").textValue().equals(topic);
        }
        assertTrue(listed);
        assertEquals(2, json(ok(get(topics + "/" + topic + "/partitions"))).get("data").size());
        assertEquals(1, json(ok(get(topics + "/" + topic + "/partitions/1"))).get("partition_id").intValue());

        String configs = topics + "/" + topic + "/configs";
        assertEquals("compact", json(ok(get(configs + "/cleanup.policy"))).get("value").textValue());
        assertEquals(204, send("PUT", configs + "/retention.ms", "{\"value\":\"60000\"}").status());
        assertEquals("60000", json(ok(get(configs + "/retention.ms"))).get("value").textValue());
        assertEquals(204, send("DELETE", configs + "/retention.ms", null).status());
        assertTrue(json(ok(get(configs + "/retention.ms"))).get("is_default").booleanValue());
        assertEquals(204, post(configs + ":alter", "{\"data\":[{\"name\":\"cleanup.policy\",\"operation\":\"DELETE\"},"
                + "{\"name\":\"segment.ms\",\"value\":\"3600000\"}]}").status());
        assertEquals("delete", json(ok(get(configs + "/cleanup.policy"))).get("value").textValue());
        assertEquals(404, get(configs + "/no.such.config").status());
        assertTrue(json(ok(get(configs))).get("data").size() > 10);

        assertEquals(204, send("DELETE", topics + "/" + topic, null).status());
        HttpResult gone = get(topics + "/" + topic);
        assertEquals(404, gone.status());
        assertEquals(40403, json(gone).get("error_code").intValue());
    }

    @Test
    void aProducedRecordIsReadBackWithAPlainConsumer() throws Exception {
        String topic = "v3-rec-" + UUID.randomUUID().toString().substring(0, 8);
        String topics = "/v3/clusters/" + cluster + "/topics";
        assertEquals(201, post(topics, "{\"topic_name\":\"" + topic + "\",\"partitions_count\":1}").status());
        String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Order\\\",\\\"fields\\\":"
                + "[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"long\\\"}]}";
        HttpResult produced = post(topics + "/" + topic + "/records", "{\"headers\":[{\"name\":\"h\",\"value\":\"AQI=\"}],"
                + "\"key\":{\"type\":\"STRING\",\"data\":\"order-1\"},"
                + "\"value\":{\"type\":\"AVRO\",\"schema\":\"" + schema + "\",\"data\":{\"id\":7}}}");
        assertEquals(200, produced.status(), produced.body());
        JsonNode answer = json(produced);
        assertEquals(200, answer.get("error_code").intValue());
        assertEquals(0, answer.get("offset").longValue());
        assertEquals("STRING", answer.get("key").get("type").textValue());
        assertEquals(7, answer.get("key").get("size").intValue());
        assertEquals(topic + "-value", answer.get("value").get("subject").textValue());
        int schemaId = answer.get("value").get("schema_id").intValue();

        ConsumerRecord<byte[], byte[]> record = readFirst(topic);
        assertEquals("order-1", new String(record.key()));
        ByteBuffer value = ByteBuffer.wrap(record.value());
        assertEquals(0, value.get());
        assertEquals(schemaId, value.getInt());
        assertEquals(14, value.get());
        assertArrayEquals(new byte[] {1, 2}, record.headers().lastHeader("h").value());

        HttpResult badData = post(topics + "/" + topic + "/records", "{\"value\":{\"type\":\"BINARY\",\"data\":\"%%\"}}");
        assertEquals(400, badData.status());
        HttpResult noTopic = post(topics + "/" + topic + "-missing/records", "{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}");
        assertEquals(404, noTopic.status());
        assertEquals(40403, json(noTopic).get("error_code").intValue());
        // Without schema information the subject's latest schema is used: here the Avro one, unfit for PROTOBUF.
        HttpResult wrongLanguage = post(topics + "/" + topic + "/records", "{\"value\":{\"type\":\"PROTOBUF\",\"data\":{}}}");
        assertEquals(422, wrongLanguage.status());
        assertEquals(42205, json(wrongLanguage).get("error_code").intValue());
    }

    @Test
    void consumerGroupsShowTheirLag() throws Exception {
        String topic = "v3-lag-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "group-" + topic;
        String topics = "/v3/clusters/" + cluster + "/topics";
        assertEquals(201, post(topics, "{\"topic_name\":\"" + topic + "\",\"partitions_count\":1}").status());
        for (int i = 0; i < 3; i++) {
            ok(post(topics + "/" + topic + "/records", "{\"value\":{\"type\":\"JSON\",\"data\":" + i + "}}"));
        }
        Properties props = consumerProps();
        props.put("group.id", group);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(1)));
        }
        String groups = "/v3/clusters/" + cluster + "/consumer-groups";
        JsonNode described = json(ok(get(groups + "/" + group)));
        assertEquals("KafkaConsumerGroup", described.get("kind").textValue());
        assertEquals(0, json(ok(get(groups + "/" + group + "/consumers"))).get("data").size());
        JsonNode lag = json(ok(get(groups + "/" + group + "/lag-summary")));
        assertEquals(2, lag.get("max_lag").longValue());
        assertEquals(2, lag.get("total_lag").longValue());
        assertEquals(topic, lag.get("max_lag_topic_name").textValue());
        assertEquals(0, lag.get("max_lag_partition_id").intValue());
        assertEquals(404, get(groups + "/no-such-" + group).status());
    }

    private static ConsumerRecord<byte[], byte[]> readFirst(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
            throw new AssertionError("nothing to read in " + topic);
        }
    }

    private static Properties consumerProps() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        return props;
    }

    private static HttpResult get(String path) {
        return http.send(new SentRequest("GET", path, Map.of(), null));
    }

    private static HttpResult post(String path, String body) {
        return send("POST", path, body);
    }

    private static HttpResult send(String method, String path, String body) {
        return http.send(new SentRequest(method, path, body == null ? Map.of() : JSON, body));
    }

    private static HttpResult ok(HttpResult result) {
        if (result.status() != 200) {
            throw new AssertionError("expected 200 but was " + result.status() + " " + result.body());
        }
        return result;
    }

    private static JsonNode json(HttpResult result) throws Exception {
        return MAPPER.readTree(result.body());
    }
}
