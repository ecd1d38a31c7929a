package io.karapace.jvm.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.kafka.UnsuitableTopicException;
import io.karapace.jvm.store.RecordingSink.Applied;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import io.karapace.jvm.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaSchemaLogTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final KafkaSchemaLog.Timeouts TIMEOUTS =
            new KafkaSchemaLog.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final String topic = "schemas-" + UUID.randomUUID();
    private final List<KafkaSchemaLog> logs = new ArrayList<>();

    @AfterEach
    void closeLogs() {
        logs.forEach(KafkaSchemaLog::close);
    }

    @Test
    void appendReturnsOnlyOnceTheSinkHasTheRecord() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        KafkaSchemaLog log = started(sink);

        long first = log.append(bytes("k1"), bytes("v1"));
        assertEquals(List.of(new Applied("k1", "v1", first)), sink.applied());
        long second = log.append(bytes("k2"), bytes("v2"));
        assertEquals(List.of(new Applied("k1", "v1", first), new Applied("k2", "v2", second)), sink.applied());

        assertTrue(second > first);
        assertEquals(second, log.appliedOffset());
    }

    @Test
    void aTombstoneReachesTheSinkAsANullValue() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        KafkaSchemaLog log = started(sink);

        log.append(bytes("k"), bytes("v"));
        long deleted = log.append(bytes("k"), null);

        assertEquals(new Applied("k", null, deleted), sink.applied().get(1));
    }

    @Test
    void anEmptyTopicIsReadyAtOnce() throws InterruptedException {
        KafkaSchemaLog log = started(new RecordingSink());

        assertTrue(log.isReady());
        assertEquals(-1, log.startEndOffset());
        assertEquals(-1, log.appliedOffset());
    }

    @Test
    void aSecondLogReplaysEverythingAndIsReadyOnlyAfterTheLastExistingRecord() throws InterruptedException {
        KafkaSchemaLog writer = started(new RecordingSink());
        List<Long> written = IntStream.range(0, 50)
                .mapToObj(i -> writer.append(bytes("key-" + i), bytes("value-" + i))).toList();

        RecordingSink replayed = new RecordingSink();
        List<Boolean> readyWhileApplying = new CopyOnWriteArrayList<>();
        KafkaSchemaLog reader = log();
        reader.start((key, value, offset) -> {
            readyWhileApplying.add(reader.isReady());
            replayed.apply(key, value, offset);
        });

        assertTrue(reader.awaitReady(READY_TIMEOUT));
        assertEquals(written.get(49), reader.startEndOffset());
        assertEquals(IntStream.range(0, 50).mapToObj(i -> "key-" + i).toList(), replayed.keys());
        assertFalse(readyWhileApplying.contains(true), "ready before the last existing record was applied");
    }

    @Test
    void twoLogsOnOneTopicApplyEachOthersAppendsInTheSameOrder() throws InterruptedException {
        RecordingSink firstSink = new RecordingSink();
        RecordingSink secondSink = new RecordingSink();
        KafkaSchemaLog first = started(firstSink);
        KafkaSchemaLog second = started(secondSink);

        first.append(bytes("from-first"), bytes("1"));
        second.append(bytes("from-second"), bytes("2"));
        assertEquals(List.of("from-first", "from-second"), secondSink.keys().subList(0, 2));

        first.append(bytes("from-first-again"), null);
        assertEquals(List.of("from-first", "from-second", "from-first-again"), firstSink.keys());
    }

    @Test
    void aSinkFailureSkipsOnlyThatRecord() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        KafkaSchemaLog log = started((key, value, offset) -> {
            if (new String(key, UTF_8).equals("poison")) {
                throw new IllegalArgumentException("cannot apply");
            }
            sink.apply(key, value, offset);
        });

        log.append(bytes("before"), bytes("1"));
        long poison = log.append(bytes("poison"), bytes("2"));
        log.append(bytes("after"), bytes("3"));

        assertEquals(List.of("before", "after"), sink.keys());
        assertTrue(log.appliedOffset() > poison);
    }

    @Test
    void createsTheTopicCompactedWithOnePartitionAndAsManyReplicasAsBrokers() throws Exception {
        started(new RecordingSink(), 3);

        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertEquals(1, description.partitions().size());
            assertEquals(1, description.partitions().get(0).replicas().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertEquals("compact", policy);
        }
    }

    @Test
    void aTopicWithTwoPartitionsIsRefused() throws Exception {
        createTopic(2, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"));

        UnsuitableTopicException refused =
                assertThrows(UnsuitableTopicException.class, () -> log().start(new RecordingSink()));
        assertTrue(refused.getMessage().contains("2 partitions"), refused.getMessage());
    }

    @Test
    void aTopicWithoutCompactionIsRefused() throws Exception {
        createTopic(1, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete"));

        UnsuitableTopicException refused =
                assertThrows(UnsuitableTopicException.class, () -> log().start(new RecordingSink()));
        assertTrue(refused.getMessage().contains("cleanup.policy=delete"), refused.getMessage());
    }

    private KafkaSchemaLog started(SchemaLog.Sink sink) throws InterruptedException {
        return started(sink, 1);
    }

    private KafkaSchemaLog started(SchemaLog.Sink sink, int replicationFactor) throws InterruptedException {
        KafkaSchemaLog log = log(replicationFactor);
        log.start(sink);
        assertTrue(log.awaitReady(READY_TIMEOUT));
        return log;
    }

    private KafkaSchemaLog log() {
        return log(1);
    }

    private KafkaSchemaLog log(int replicationFactor) {
        KafkaSchemaLog log = new KafkaSchemaLog(KafkaClients.plaintext(KAFKA.bootstrapServers(), "test"),
                topic, replicationFactor, TIMEOUTS);
        logs.add(log);
        return log;
    }

    private void createTopic(int partitions, Map<String, String> configs) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
