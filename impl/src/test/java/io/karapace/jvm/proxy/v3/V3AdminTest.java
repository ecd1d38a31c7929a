package io.karapace.jvm.proxy.v3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.kafka.ProxyAdmin;
import io.karapace.jvm.testing.KafkaBroker;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class V3AdminTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static ProxyAdmin kafkaAdmin;
    private static V3Admin admin;
    private static String cluster;

    @BeforeAll
    static void connect() {
        kafkaAdmin = new ProxyAdmin(KafkaClients.plaintext(KAFKA.bootstrapServers(), "v3-admin-test"));
        admin = new V3Admin(kafkaAdmin.clusterAdmin());
        cluster = admin.clusterId();
    }

    @AfterAll
    static void close() {
        kafkaAdmin.close();
    }

    private static String topicName() {
        return "v3-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Kafka acknowledges a config or partition change once the controller has it; the broker that
     * answers reads may apply it a moment later.
     */
    private static <T> void eventually(T expected, Supplier<T> actual) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!expected.equals(actual.get()) && System.currentTimeMillis() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
        assertEquals(expected, actual.get());
    }

    @Test
    void aTopicIsCreatedListedConfiguredGrownAndDeleted() {
        String topic = topicName();
        ClusterAdmin.Topic created = admin.createTopic(cluster,
                new ClusterAdmin.NewTopic(topic, 2, (short) 1, Map.of("cleanup.policy", "compact")), false);
        assertEquals(2, created.partitions().size());
        assertEquals(1, created.replicationFactor());
        assertTrue(admin.topics(cluster).stream().anyMatch(t -> t.name().equals(topic)));

        ClusterAdmin.TopicConfig policy = admin.topicConfig(cluster, topic, "cleanup.policy");
        assertEquals("compact", policy.value());
        assertEquals("DYNAMIC_TOPIC_CONFIG", policy.source());
        assertFalse(policy.isDefault());

        admin.updateTopicConfig(cluster, topic, "retention.ms", "12345");
        eventually("12345", () -> admin.topicConfig(cluster, topic, "retention.ms").value());
        admin.resetTopicConfig(cluster, topic, "retention.ms");
        eventually(true, () -> admin.topicConfig(cluster, topic, "retention.ms").isDefault());
        admin.alterTopicConfigs(cluster, topic, List.of(new V3Admin.AlterEntry("cleanup.policy", null, "DELETE"),
                new V3Admin.AlterEntry("max.message.bytes", "4096", null)));
        eventually("delete", () -> admin.topicConfig(cluster, topic, "cleanup.policy").value());
        eventually("4096", () -> admin.topicConfig(cluster, topic, "max.message.bytes").value());

        admin.increasePartitions(cluster, topic, 3);
        eventually(3, () -> admin.topic(cluster, topic).partitions().size());
        assertEquals(2, admin.partition(cluster, topic, 2).id());

        admin.deleteTopic(cluster, topic);
        assertEquals(40403, assertThrows(V3Exception.class, () -> admin.topic(cluster, topic)).errorCode());
    }

    @Test
    void validateOnlyCreatesNothing() {
        String topic = topicName();
        ClusterAdmin.Topic validated = admin.createTopic(cluster, new ClusterAdmin.NewTopic(topic, 4, null, Map.of()),
                true);
        assertEquals(4, validated.partitions().size());
        assertEquals(40403, assertThrows(V3Exception.class, () -> admin.topic(cluster, topic)).errorCode());
    }

    @Test
    void kafkaRefusalsAreClientErrors() {
        String topic = topicName();
        admin.createTopic(cluster, new ClusterAdmin.NewTopic(topic, 1, null, Map.of()), false);
        V3Exception exists = assertThrows(V3Exception.class, () -> admin.createTopic(cluster,
                new ClusterAdmin.NewTopic(topic, 1, null, Map.of()), false));
        assertEquals(400, exists.status());
        assertEquals(40002, exists.errorCode());
        assertEquals("Topic '" + topic + "' already exists.", exists.getMessage());

        V3Exception badConfig = assertThrows(V3Exception.class,
                () -> admin.updateTopicConfig(cluster, topic, "retention.ms", "soon"));
        assertEquals(40002, badConfig.errorCode());
        assertEquals(404, assertThrows(V3Exception.class,
                () -> admin.updateTopicConfig(cluster, topic, "no.such.config", "1")).status());
        assertEquals(400, assertThrows(V3Exception.class, () -> admin.alterTopicConfigs(cluster, topic,
                List.of(new V3Admin.AlterEntry("retention.ms", "1", "APPEND")))).status());
        assertEquals(40002, assertThrows(V3Exception.class,
                () -> admin.increasePartitions(cluster, topic, 1)).errorCode());
        assertEquals(404, assertThrows(V3Exception.class, () -> admin.partition(cluster, topic, 7)).status());
    }

    @Test
    void anotherClusterIdIsNotFound() {
        V3Exception e = assertThrows(V3Exception.class, () -> admin.topics("not-" + cluster));
        assertEquals(404, e.errorCode());
        assertEquals("Cluster not-" + cluster + " cannot be found.", e.getMessage());
    }

    @Test
    void theBrokerIsDescribed() {
        ClusterAdmin.Broker broker = admin.brokers(cluster).get(0);
        assertEquals("127.0.0.1", broker.host());
        assertEquals(broker, admin.broker(cluster, broker.id()));
        assertEquals(broker.id(), admin.controllerId());
        assertEquals(404, assertThrows(V3Exception.class, () -> admin.broker(cluster, 999)).status());
    }

    @Test
    void theLagSummaryNamesThePartitionFurthestBehind() throws Exception {
        String topic = topicName();
        String group = "group-" + topic;
        admin.createTopic(cluster, new ClusterAdmin.NewTopic(topic, 2, null, Map.of()), false);
        produce(topic, 0, 5);
        produce(topic, 1, 3);
        commit(group, Map.of(new TopicPartition(topic, 0), 1L, new TopicPartition(topic, 1), 2L));

        LagSummary lag = admin.lagSummary(cluster, group);
        assertEquals(4, lag.maxLag());
        assertEquals(5, lag.totalLag());
        assertEquals(topic, lag.maxLagTopic());
        assertEquals(0, lag.maxLagPartition());
        ClusterAdmin.ConsumerGroup described = admin.consumerGroup(cluster, group);
        assertEquals(group, described.id());
        assertTrue(described.members().isEmpty());
        assertTrue(admin.consumerGroups(cluster).stream().anyMatch(g -> g.id().equals(group)));
        assertEquals(404, assertThrows(V3Exception.class,
                () -> admin.consumerGroup(cluster, "no-such-group-" + topic)).status());
    }

    private static void produce(String topic, int partition, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, null, new byte[] {(byte) i})).get();
            }
        }
    }

    private static void commit(String group, Map<TopicPartition, Long> offsets) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> commits = new java.util.HashMap<>();
            offsets.forEach((tp, offset) -> commits.put(tp, new OffsetAndMetadata(offset)));
            consumer.commitSync(commits);
        }
    }
}
