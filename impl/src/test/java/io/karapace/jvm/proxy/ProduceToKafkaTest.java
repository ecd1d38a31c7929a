package io.karapace.jvm.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.kafka.KafkaClusterMetadata;
import io.karapace.jvm.kafka.ProxyAdmin;
import io.karapace.jvm.kafka.ProxyProducer;
import io.karapace.jvm.testing.KafkaBroker;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The produce path and the metadata reads on a real broker, checked with a plain Kafka consumer. */
class ProduceToKafkaTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final ProduceBatch.SchemaChoice NONE = ProduceBatch.SchemaChoice.NONE;

    private final String topic = "proxy-" + UUID.randomUUID();
    private final InMemorySchemaLookup registry = new InMemorySchemaLookup();
    private KafkaClients settings;
    private ProxyProducer producer;
    private ProxyAdmin admin;
    private KafkaClusterMetadata metadata;
    private ProduceService service;

    @BeforeEach
    void start() throws Exception {
        settings = KafkaClients.plaintext(KAFKA.bootstrapServers(), "proxy-test");
        try (Admin admin = settings.admin("test", java.util.Map.of())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        producer = new ProxyProducer(settings, new ProxyProducer.Tuning("all", "none", 5, 1048576, 60000));
        admin = new ProxyAdmin(settings);
        metadata = admin.metadata();
        service = new ProduceService(producer, metadata, registry, InMemorySchemaLookup.PROVIDERS, NameStrategy.TOPIC_NAME);
    }

    @AfterEach
    void stop() {
        producer.close();
        admin.close();
    }

    @Test
    void producedRecordsAreWhereTheAnswerSaysAndDecodeByHandFromTheWireFormat() {
        ProduceResult binary = service.produce(new ProduceBatch(topic, 1, EmbeddedFormat.BINARY, NONE, NONE, List.of(
                new ProduceBatch.Entry(base64("k"), base64("first"), null),
                new ProduceBatch.Entry(null, base64("second"), null)))).join();
        ProduceResult avro = service.produce(new ProduceBatch(topic, null, EmbeddedFormat.AVRO, NONE,
                new ProduceBatch.SchemaChoice("\"long\"", null),
                List.of(new ProduceBatch.Entry(null, IntNode.valueOf(-2), 0)))).join();

        assertEquals(List.of(RecordOutcome.written(1, 0), RecordOutcome.written(1, 1)), binary.offsets());
        assertEquals(List.of(RecordOutcome.written(0, 0)), avro.offsets());
        List<ConsumerRecord<byte[], byte[]>> records = readAll(3);
        ConsumerRecord<byte[], byte[]> first = find(records, 1, 0);
        assertArrayEquals("k".getBytes(UTF_8), first.key());
        assertArrayEquals("first".getBytes(UTF_8), first.value());
        assertNull(find(records, 1, 1).key());
        ByteBuffer framed = ByteBuffer.wrap(find(records, 0, 0).value());
        assertEquals(0, framed.get());
        assertEquals(avro.valueSchemaId(), framed.getInt());
        assertEquals(0x03, framed.get(), "long -2 is zig-zag 3");
        assertEquals(0, framed.remaining());
    }

    @Test
    void aRecordForAPartitionTheTopicLacksFailsAloneWith40402() {
        ProduceResult result = service.produce(new ProduceBatch(topic, null, EmbeddedFormat.JSON, NONE, NONE, List.of(
                new ProduceBatch.Entry(null, TextNode.valueOf("ok"), 0),
                new ProduceBatch.Entry(null, TextNode.valueOf("lost"), 7)))).join();

        assertEquals(RecordOutcome.written(0, 0), result.offsets().get(0));
        RecordOutcome failed = result.offsets().get(1);
        assertNull(failed.partition());
        assertNull(failed.offset());
        assertEquals(40402, failed.errorCode());
        assertEquals("Partition not found.", failed.error());
        assertEquals(1, readAll(1).size());
    }

    @Test
    void producingToAMissingTopicIs40401AndCreatesNothing() throws Exception {
        String missing = "missing-" + UUID.randomUUID();
        ProxyException e = assertThrows(ProxyException.class, () -> service.produce(new ProduceBatch(missing, null,
                EmbeddedFormat.JSON, NONE, NONE, List.of(new ProduceBatch.Entry(null, IntNode.valueOf(1), null)))));

        assertEquals(ProxyError.TOPIC_NOT_FOUND, e.error());
        assertTrue(!metadata.topicNames().get().contains(missing));
    }

    @Test
    void metadataDescribesTopicsPartitionsOffsetsAndBrokers() throws Exception {
        service.produce(new ProduceBatch(topic, 1, EmbeddedFormat.JSON, NONE, NONE, List.of(
                new ProduceBatch.Entry(null, IntNode.valueOf(1), null),
                new ProduceBatch.Entry(null, IntNode.valueOf(2), null)))).join();

        assertTrue(metadata.topicNames().get().contains(topic));
        ClusterMetadata.TopicDetails details = metadata.topic(topic).get();
        assertEquals("delete", details.configs().get("cleanup.policy"));
        List<Integer> brokers = metadata.brokerIds().get();
        assertEquals(1, brokers.size());
        int broker = brokers.get(0);
        ClusterMetadata.Replica replica = new ClusterMetadata.Replica(broker, true, true);
        assertEquals(List.of(new ClusterMetadata.PartitionDetails(0, broker, List.of(replica)),
                new ClusterMetadata.PartitionDetails(1, broker, List.of(replica))), details.partitions());
        assertEquals(new ClusterMetadata.OffsetRange(0, 2), metadata.offsets(topic, 1).get());
        assertEquals(new ClusterMetadata.OffsetRange(0, 0), metadata.offsets(topic, 0).get());
    }

    @Test
    void anUnknownTopicIs40401AndAnUnknownPartition40402() {
        assertEquals(ProxyError.TOPIC_NOT_FOUND, failure(() -> metadata.topic("missing-" + UUID.randomUUID()).join()));
        assertEquals(ProxyError.TOPIC_NOT_FOUND, failure(() -> metadata.partitions("missing-" + UUID.randomUUID()).join()));
        assertEquals(ProxyError.PARTITION_NOT_FOUND, failure(() -> metadata.offsets(topic, 2).join()));
    }

    private static ProxyError failure(Runnable call) {
        CompletionException e = assertThrows(CompletionException.class, call::run);
        return ((ProxyException) e.getCause()).error();
    }

    private static TextNode base64(String text) {
        return TextNode.valueOf(Base64.getEncoder().encodeToString(text.getBytes(UTF_8)));
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(int expected) {
        Map<String, Object> props = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 15_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertEquals(expected, records.size());
        return records;
    }

    private static ConsumerRecord<byte[], byte[]> find(List<ConsumerRecord<byte[], byte[]>> records, int partition,
                                                       long offset) {
        return records.stream().filter(r -> r.partition() == partition && r.offset() == offset).findFirst()
                .orElseThrow(() -> new AssertionError("no record at " + partition + "/" + offset));
    }
}
