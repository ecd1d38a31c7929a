package io.karapace.jvm.proxy.v3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.kafka.KafkaClientSettings;
import io.karapace.jvm.kafka.ProxyProducer;
import io.karapace.jvm.kafka.v3.KafkaClusterAdmin;
import io.karapace.jvm.kafka.v3.KafkaRecordWriter;
import io.karapace.jvm.proxy.NameStrategy;
import io.karapace.jvm.proxy.SchemaLookup;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.testing.KafkaBroker;
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

class V3ProducerTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaLookup NO_REGISTRY = new SchemaLookup() {
        @Override
        public int register(String subject, SchemaType type, String schemaText) {
            throw new AssertionError("no schema expected");
        }

        @Override
        public ParsedSchema schemaById(int id) {
            throw new AssertionError("no schema expected");
        }
    };

    private static KafkaClusterAdmin kafkaAdmin;
    private static ProxyProducer kafkaProducer;
    private static V3Producer producer;
    private static String topic;

    @BeforeAll
    static void start() {
        KafkaClientSettings settings = KafkaClientSettings.plaintext(KAFKA.bootstrapServers(), "v3-producer-test");
        kafkaAdmin = new KafkaClusterAdmin(settings);
        kafkaProducer = new ProxyProducer(settings, new ProxyProducer.Tuning("all", "none", 0, 1048576, 60000));
        producer = new V3Producer(kafkaAdmin, new KafkaRecordWriter(kafkaProducer), NO_REGISTRY,
                NameStrategy.TOPIC_NAME);
        topic = "v3-produce-" + UUID.randomUUID().toString().substring(0, 8);
        kafkaAdmin.createTopic(new ClusterAdmin.NewTopic(topic, 2, null, Map.of()), false);
    }

    @AfterAll
    static void stop() {
        kafkaProducer.close();
        kafkaAdmin.close();
    }

    private static ProduceCommand.Data data(String type, Object value) {
        return new ProduceCommand.Data(type, JSON.valueToTree(value), null, null, null, null, null);
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
    void clientMistakesAreRefusedBeforeWriting() {
        assertEquals(400, assertThrows(V3Exception.class, () -> producer.produce(new ProduceCommand(topic, null,
                null, null, data("BINARY", "not base64!"), null))).status());
        assertEquals(400, assertThrows(V3Exception.class, () -> producer.produce(new ProduceCommand(topic, null,
                null, null, data("PROTOBUF", "x"), null))).status());
        assertEquals(400, assertThrows(V3Exception.class, () -> producer.produce(new ProduceCommand(topic, null,
                null, null, data("XML", "x"), null))).status());
        assertEquals(400, assertThrows(V3Exception.class, () -> producer.produce(new ProduceCommand(topic, null,
                null, null, data("AVRO", "x"), null))).status());
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
