package io.karapace.jvm.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karapace.jvm.testing.KafkaBroker;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartitionCountsTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static Admin admin;
    private final AtomicLong clock = new AtomicLong();
    private final PartitionCounts counts = new PartitionCounts(admin, clock::get);

    @BeforeAll
    static void connect() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        admin = Admin.create(props);
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void aCountIsRememberedForASecond() throws Exception {
        String topic = topicWithOnePartition();
        assertEquals(1, counts.count(topic, -1).join());

        growTo(topic, 3);
        clock.addAndGet(PartitionCounts.MAX_AGE_NANOS - 1);
        assertEquals(1, counts.count(topic, -1).join());

        clock.addAndGet(1);
        assertEquals(3, counts.count(topic, -1).join());
    }

    @Test
    void aPartitionBeyondTheRememberedCountIsAskedAnew() throws Exception {
        String topic = topicWithOnePartition();
        assertEquals(1, counts.count(topic, 0).join());

        growTo(topic, 3);
        assertEquals(3, counts.count(topic, 2).join());
        assertEquals(3, counts.count(topic, -1).join());
    }

    @Test
    void anUnknownTopicFailsWithKafkasOwnError() {
        CompletionException failure = assertThrows(CompletionException.class,
                () -> counts.count("no-such-topic-" + UUID.randomUUID(), -1).join());
        assertInstanceOf(UnknownTopicOrPartitionException.class, failure.getCause());
    }

    private static String topicWithOnePartition() throws Exception {
        String topic = "counts-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        awaitDescribed(topic, 1);
        return topic;
    }

    private static void growTo(String topic, int partitions) throws Exception {
        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get();
        awaitDescribed(topic, partitions);
    }

    private static void awaitDescribed(String topic, int partitions) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size()
                        == partitions) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException notYet) {
                // the broker has not heard of it yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError(topic + " never showed " + partitions + " partitions");
    }
}
