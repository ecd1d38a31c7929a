package io.karapace.jvm.proxy.v3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.kafka.ProxyAdmin;
import io.karapace.jvm.kafka.ProxyProducer;
import io.karapace.jvm.kafka.v3.KafkaClusterAdmin;
import io.karapace.jvm.kafka.v3.KafkaRecordWriter;
import io.karapace.jvm.proxy.NameStrategy;
import io.karapace.jvm.proxy.InMemorySchemaLookup;
import io.karapace.jvm.proxy.ProxyException;
import io.karapace.jvm.proxy.WireFormat;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.testing.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

class V3ProducerTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InMemorySchemaLookup REGISTRY = new InMemorySchemaLookup();

    private static ProxyAdmin proxyAdmin;
    private static KafkaClusterAdmin kafkaAdmin;
    private static ProxyProducer kafkaProducer;
    private static V3Producer producer;
    private static String topic;

    @BeforeAll
    static void start() {
        KafkaClients settings = KafkaClients.plaintext(KAFKA.bootstrapServers(), "v3-producer-test");
        proxyAdmin = new ProxyAdmin(settings);
        kafkaAdmin = proxyAdmin.clusterAdmin();
        kafkaProducer = new ProxyProducer(settings, new ProxyProducer.Tuning("all", "none", 0, 1048576, 60000));
        producer = new V3Producer(kafkaAdmin, new KafkaRecordWriter(kafkaProducer), REGISTRY,
                InMemorySchemaLookup.PROVIDERS, NameStrategy.TOPIC_NAME);
        topic = "v3-produce-" + UUID.randomUUID().toString().substring(0, 8);
        kafkaAdmin.createTopic(new ClusterAdmin.NewTopic(topic, 2, null, Map.of()), false);
    }

    @AfterAll
    static void stop() {
        kafkaProducer.close();
        proxyAdmin.close();
    }

    private static ProduceCommand.Data data(String type, Object value) {
        return new ProduceCommand.Data(type, JSON.valueToTree(value), null, null, null, null, null);
    }

    private static ProduceOutcome produceValue(ProduceCommand.Data value) {
        return producer.produce(new ProduceCommand(topic, 0, null, null, value, null));
    }

    /** The error code of a refusal, whether v3's own or one of the shared v2 encoders. */
    private static int errorCode(Executable call) {
        RuntimeException refused = assertThrows(RuntimeException.class, call);
        if (refused instanceof V3Exception v3) {
            return v3.errorCode();
        }
        return ((ProxyException) refused).error().errorCode;
    }

    private static byte[] framed(int schemaId, byte[]... parts) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            payload.writeBytes(part);
        }
        return WireFormat.frame(schemaId, payload.toByteArray());
    }

    @Test
    void aRecordIsWrittenWithItsHeadersTimestampAndPartition() {
        Instant timestamp = Instant.parse("2024-05-01T10:00:00Z");
        ProduceOutcome outcome = producer.produce(new ProduceCommand(topic, 1,
                List.of(new RecordWriter.Header("trace", new byte[] {1, 2})),
                data("STRING", "the key"), data("JSON", Map.of("n", 1)), timestamp));

        assertEquals(1, outcome.partition());
        assertEquals(timestamp.toEpochMilli(), outcome.timestamp());
        assertEquals(new ProduceOutcome.Side("STRING", 7, null, null), outcome.key());
        assertEquals(new ProduceOutcome.Side("JSON", 7, null, null), outcome.value());
        ConsumerRecord<byte[], byte[]> read = readBack(1, outcome.offset());
        assertEquals("the key", new String(read.key(), StandardCharsets.UTF_8));
        assertEquals("{\"n\":1}", new String(read.value(), StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {1, 2}, read.headers().lastHeader("trace").value());
        assertEquals(timestamp.toEpochMilli(), read.timestamp());
    }

    @Test
    void binaryIsBase64DecodedAndAnAbsentKeyStaysNull() {
        ProduceOutcome outcome = producer.produce(new ProduceCommand(topic, 0, null, null,
                data("BINARY", "AAEC"), null));
        assertNull(outcome.key());
        ConsumerRecord<byte[], byte[]> read = readBack(0, outcome.offset());
        assertNull(read.key());
        assertArrayEquals(new byte[] {0, 1, 2}, read.value());
    }

    @Test
    void jsonSchemaDataAreValidatedAndFramedWithTheSchemaRegisteredUnderTheTopicSubject() {
        String schema = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},"
                + "\"required\":[\"n\"]}";
        ProduceOutcome outcome = produceValue(new ProduceCommand.Data("JSONSCHEMA", JSON.valueToTree(Map.of("n", 7)),
                null, null, null, null, schema));

        int id = REGISTRY.idOfVersion(topic + "-value", null);
        assertEquals(new ProduceOutcome.Side("JSONSCHEMA", 12, topic + "-value", id), outcome.value());
        assertArrayEquals(framed(id, "{\"n\":7}".getBytes(StandardCharsets.UTF_8)),
                readBack(0, outcome.offset()).value());
        assertEquals(42203, errorCode(() -> produceValue(new ProduceCommand.Data("JSONSCHEMA",
                JSON.valueToTree(Map.of("n", "seven")), null, null, id, null, null))));
    }

    @Test
    void protobufDataAreFramedWithTheFirstMessageIndexAndNamedByTheRecordStrategy() {
        String schema = "syntax = \"proto3\"; package shop; message Point { int32 x = 1; string name = 2; }";
        ProduceOutcome outcome = produceValue(new ProduceCommand.Data("PROTOBUF",
                JSON.valueToTree(Map.of("x", 5, "name", "a")), null, "TOPIC_RECORD_NAME", null, null, schema));

        int id = REGISTRY.idOfVersion(topic + "-shop.Point", null);
        assertEquals(topic + "-shop.Point", outcome.value().subject());
        byte[] point = {0x08, 0x05, 0x12, 0x01, 'a'};
        assertArrayEquals(framed(id, new byte[] {0}, point), readBack(0, outcome.offset()).value());

        ProduceOutcome byId = produceValue(new ProduceCommand.Data(null,
                JSON.valueToTree(Map.of("x", 5, "name", "a")), null, null, id, null, null));
        assertEquals(new ProduceOutcome.Side("PROTOBUF", 11, null, id), byId.value());
        assertArrayEquals(framed(id, new byte[] {0}, point), readBack(0, byId.offset()).value());
    }

    @Test
    void aSubjectVersionNamesTheSchemaAndASubjectAloneItsLatestVersion() {
        String subject = "versions-" + UUID.randomUUID();
        int first = REGISTRY.register(subject, SchemaType.AVRO, "\"string\"");
        int second = REGISTRY.register(subject, SchemaType.AVRO, "\"int\"");

        ProduceOutcome versioned = produceValue(new ProduceCommand.Data(null, JSON.valueToTree("hi"), subject,
                null, null, 1, null));
        ProduceOutcome latest = produceValue(new ProduceCommand.Data("AVRO", JSON.valueToTree(3), subject, null,
                null, null, null));

        assertEquals(new ProduceOutcome.Side("AVRO", 8, subject, first), versioned.value());
        assertArrayEquals(framed(first, new byte[] {4, 'h', 'i'}), readBack(0, versioned.offset()).value());
        assertEquals(new ProduceOutcome.Side("AVRO", 6, subject, second), latest.value());
        assertArrayEquals(framed(second, new byte[] {6}), readBack(0, latest.offset()).value());
    }

    @Test
    void clientMistakesAreRefusedBeforeWriting() {
        assertEquals(400, errorCode(() -> producer.produce(new ProduceCommand(topic, null,
                null, null, data("BINARY", "not base64!"), null))));
        assertEquals(400, errorCode(() -> producer.produce(new ProduceCommand(topic, null,
                null, null, data("XML", "x"), null))));
        assertEquals(42205, errorCode(() -> produceValue(new ProduceCommand.Data("PROTOBUF", JSON.valueToTree("x"),
                "unregistered-" + UUID.randomUUID(), null, null, null, null))));
        int avro = REGISTRY.register("avro-" + UUID.randomUUID(), SchemaType.AVRO, "\"long\"");
        assertEquals(42205, errorCode(() -> produceValue(new ProduceCommand.Data("JSONSCHEMA",
                JSON.valueToTree(1), null, null, avro, null, null))));
        assertEquals(400, errorCode(() -> produceValue(new ProduceCommand.Data("AVRO", JSON.valueToTree(1),
                null, "RECORD_NAME", null, 1, null))));
        assertEquals(40403, assertThrows(V3Exception.class, () -> producer.produce(new ProduceCommand(topic, 5,
                null, null, data("STRING", "x"), null))).errorCode());
        assertEquals(40403, assertThrows(V3Exception.class, () -> producer.produce(new ProduceCommand(
                topic + "-missing", null, null, null, data("STRING", "x"), null))).errorCode());
    }

    private static ConsumerRecord<byte[], byte[]> readBack(int partition, long offset) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            throw new AssertionError("record " + offset + " not read back");
        }
    }
}
