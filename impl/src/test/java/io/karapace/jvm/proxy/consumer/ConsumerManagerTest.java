package io.karapace.jvm.proxy.consumer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.proxy.EmbeddedFormat;
import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.ProxyException;
import io.karapace.jvm.testing.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class ConsumerManagerTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    private static final ConsumerSettings SETTINGS =
            new ConsumerSettings(Duration.ofSeconds(5), 64L << 20, 1, true, Duration.ZERO);
    private static final InstanceConfig EARLIEST_MANUAL_COMMIT =
            new InstanceConfig(null, null, null, "earliest", "false", null, null);
    private static final Duration SHORT = Duration.ofMillis(200);

    private static Admin admin;
    private static KafkaProducer<byte[], byte[]> producer;

    private final String group = "group-" + UUID.randomUUID();
    private ConsumerManager manager;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        admin.close();
    }

    @BeforeEach
    void startManager() {
        manager = managerWith(SETTINGS);
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void subscribeFetchCommitRewindAndDelete() throws Exception {
        String topic = topic(1);
        producer.send(new ProducerRecord<>(topic, 0, 1234L, bytes("k0"), bytes("v0"),
                List.of(new RecordHeader("h", bytes("x"))))).get();
        produce(topic, 0, "v1", "v2");
        CreatedConsumer created = join(manager.create(group, EARLIEST_MANUAL_COMMIT));
        assertEquals("/consumers/" + group + "/instances/" + created.instanceId(), created.basePath());
        String name = created.instanceId();

        join(manager.subscribe(group, name, List.of(topic), null));
        assertEquals(List.of(topic), join(manager.subscription(group, name)));
        List<FetchedRecord> records = fetch(name, 3);

        FetchedRecord first = records.get(0);
        assertEquals(List.of(topic, 0, 0L, 1234L, "k0", "v0"), List.of(first.topic(), first.partition(),
                first.offset(), first.timestamp(), text(first.key()), text(first.value())));
        assertEquals("h", first.headers().get(0).key());
        assertArrayEquals(bytes("x"), first.headers().get(0).value());
        assertEquals(List.of("v1", "v2"), values(records.subList(1, 3)));

        join(manager.commit(group, name, List.of(new CommittedOffset(topic, 0, 1, "half way"))));
        assertEquals(List.of(new CommittedOffset(topic, 0, 2, "half way")),
                join(manager.committed(group, name, List.of(new PartitionRef(topic, 0)))));

        assertEquals(List.of(new PartitionRef(topic, 0)), join(manager.assignment(group, name)));
        join(manager.seekToBeginning(group, name, List.of(new PartitionRef(topic, 0))));
        assertEquals(List.of("v0", "v1", "v2"), values(fetch(name, 3)));

        join(manager.delete(group, name));
        assertError(ProxyError.CONSUMER_INSTANCE_NOT_FOUND, manager.subscription(group, name));
        assertError(ProxyError.CONSUMER_INSTANCE_NOT_FOUND, manager.delete(group, name));
    }

    @Test
    void commitAllStoresThePositionAfterTheLastRecordHandedOut() throws Exception {
        String topic = topic(1);
        produce(topic, 0, "a", "b", "c");
        String name = created(EARLIEST_MANUAL_COMMIT);
        join(manager.subscribe(group, name, List.of(topic), null));
        fetch(name, 3);

        join(manager.commitAll(group, name));

        assertEquals(List.of(new CommittedOffset(topic, 0, 3, "")),
                join(manager.committed(group, name, List.of(new PartitionRef(topic, 0)))));
    }

    @Test
    void assignedPartitionsAreReadFromWhereverTheySeek() throws Exception {
        String topic = topic(2);
        produce(topic, 1, "a", "b", "c", "d", "e");
        String name = created(InstanceConfig.defaults());
        join(manager.assign(group, name, List.of(new PartitionRef(topic, 1), new PartitionRef(topic, 0))));
        assertEquals(List.of(new PartitionRef(topic, 0), new PartitionRef(topic, 1)),
                join(manager.assignment(group, name)));

        join(manager.seek(group, name, List.of(new PartitionOffset(topic, 1, 3))));
        assertEquals(List.of("d", "e"), values(fetch(name, 2)));

        join(manager.seekToBeginning(group, name, List.of(new PartitionRef(topic, 1))));
        assertEquals(List.of("a", "b", "c", "d", "e"), values(fetch(name, 5)));

        join(manager.seekToEnd(group, name, List.of(new PartitionRef(topic, 1))));
        // The seek resolves lazily, behind a fetch the broker may hold for fetch.max.wait.ms (500 ms).
        assertEquals(List.of(), join(manager.poll(group, name, EmbeddedFormat.BINARY, Duration.ofSeconds(1), 0)));
        produce(topic, 1, "f");
        assertEquals(List.of("f"), values(fetch(name, 1)));

        assertError(ProxyError.ILLEGAL_STATE,
                manager.seek(group, name, List.of(new PartitionOffset(topic + "-other", 0, 0))));
        assertError(ProxyError.ILLEGAL_STATE,
                manager.seekToBeginning(group, name, List.of(new PartitionRef(topic + "-other", 0))));
    }

    @Test
    void assigningAPartitionTheClusterLacksIs40403() throws Exception {
        String topic = topic(1);
        String name = created(InstanceConfig.defaults());

        ProxyException missingPartition = assertError(ProxyError.CONSUMER_INSTANCE_NOT_FOUND,
                manager.assign(group, name, List.of(new PartitionRef(topic, 1))));
        assertEquals("This server does not host this topic-partition: " + topic + "-1",
                missingPartition.getMessage());
        assertError(ProxyError.CONSUMER_INSTANCE_NOT_FOUND,
                manager.assign(group, name, List.of(new PartitionRef("no-such-topic-" + UUID.randomUUID(), 0))));
        assertEquals(List.of(), join(manager.assignment(group, name)));
    }

    @Test
    void aTopicPatternSubscribesToEveryMatchingTopic() throws Exception {
        String prefix = "pattern-" + UUID.randomUUID();
        createTopic(prefix + "-a", 1);
        createTopic(prefix + "-b", 1);
        produce(prefix + "-a", 0, "from a");
        produce(prefix + "-b", 0, "from b");
        String name = created(EARLIEST_MANUAL_COMMIT);

        join(manager.subscribe(group, name, null, prefix.replace("-", "\\-") + "-.*"));

        assertEquals(List.of("from a", "from b"), values(fetch(name, 2)).stream().sorted().toList());
        assertEquals(List.of(prefix + "-a", prefix + "-b"), join(manager.subscription(group, name)));
        join(manager.unsubscribe(group, name));
        assertEquals(List.of(), join(manager.subscription(group, name)));
    }

    @Test
    void requestErrorsCarryConfluentsCodes() throws Exception {
        String name = created(new InstanceConfig("taken", null, "json", null, null, null, null));

        assertError(ProxyError.CONSUMER_ALREADY_EXISTS, manager.create(group, new InstanceConfig("taken", null,
                null, null, null, null, null)));
        assertError(ProxyError.INVALID_CONSUMER_CONFIG, manager.create(group, new InstanceConfig(null, null,
                "xml", null, null, null, null)));
        assertError(ProxyError.ILLEGAL_STATE, manager.subscribe(group, name, List.of("t"), "t.*"));
        assertError(ProxyError.ILLEGAL_STATE, manager.subscribe(group, name, List.of(), null));
        assertError(ProxyError.ILLEGAL_STATE, manager.poll(group, name, EmbeddedFormat.JSON, SHORT, 0));
        assertError(ProxyError.FORMAT_MISMATCH, manager.poll(group, name, EmbeddedFormat.BINARY, SHORT, 0));
        assertError(ProxyError.CONSUMER_INSTANCE_NOT_FOUND, manager.commitAll(group, "nobody"));
        assertError(ProxyError.CONSUMER_INSTANCE_NOT_FOUND, manager.subscription("other-group", name));
        assertEquals("taken", join(manager.create("other-group", new InstanceConfig("taken", null, null, null,
                null, null, null))).instanceId());
    }

    @Test
    void maxBytesLimitsAFetchWithoutLosingTheRecordsLeftOver() throws Exception {
        String topic = topic(1);
        produce(topic, 0, "a".repeat(100), "b".repeat(100), "c".repeat(100), "d".repeat(100), "e".repeat(300));
        String name = created(InstanceConfig.defaults());
        join(manager.assign(group, name, List.of(new PartitionRef(topic, 0))));
        join(manager.seekToBeginning(group, name, List.of(new PartitionRef(topic, 0))));

        List<Long> sizes = new ArrayList<>();
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (values.size() < 5 && System.nanoTime() < deadline) {
            List<FetchedRecord> batch = join(manager.poll(group, name, EmbeddedFormat.BINARY, SHORT, 250));
            if (!batch.isEmpty()) {
                sizes.add(batch.stream().mapToLong(FetchedRecord::size).sum());
                values.addAll(values(batch));
            }
        }

        assertEquals(List.of("a", "b", "c", "d", "e"), values.stream().map(v -> v.substring(0, 1)).toList());
        assertEquals(List.of(200L, 200L, 300L), sizes);
    }

    @Test
    void aFetchWithNothingToReadAnswersEmptyWhenItsTimeoutEnds() throws Exception {
        String topic = topic(1);
        String name = created(InstanceConfig.defaults());
        join(manager.assign(group, name, List.of(new PartitionRef(topic, 0))));

        long start = System.nanoTime();
        List<FetchedRecord> records = join(manager.poll(group, name, EmbeddedFormat.BINARY,
                Duration.ofMillis(800), 0));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(List.of(), records);
        assertTrue(elapsed >= 780 && elapsed < 1500, "took " + elapsed + " ms");
    }

    @Test
    void theInstanceTimeoutCapsTheRequestedOne() throws Exception {
        String topic = topic(1);
        String name = created(new InstanceConfig(null, null, null, null, null, null, "300"));
        join(manager.assign(group, name, List.of(new PartitionRef(topic, 0))));

        long start = System.nanoTime();
        join(manager.poll(group, name, EmbeddedFormat.BINARY, Duration.ofSeconds(30), 0));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(elapsed >= 280 && elapsed < 1000, "took " + elapsed + " ms");
    }

    @Test
    void aNegativeFetchMinBytesWaitsForTheTimeoutEvenWithRecordsAtHand() throws Exception {
        String topic = topic(1);
        produce(topic, 0, "a");
        String name = created(new InstanceConfig(null, null, null, "earliest", null, "-1", null));
        join(manager.assign(group, name, List.of(new PartitionRef(topic, 0))));

        long start = System.nanoTime();
        List<FetchedRecord> records = join(manager.poll(group, name, EmbeddedFormat.BINARY,
                Duration.ofMillis(1500), 0));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals(List.of("a"), values(records));
        assertTrue(elapsed >= 1480, "took " + elapsed + " ms");
    }

    @Test
    void anIdleInstanceExpiresAndLeavesItsGroup() throws Exception {
        manager.close();
        manager = managerWith(new ConsumerSettings(Duration.ofSeconds(5), 1 << 20, 1, true, Duration.ofMillis(1500)));
        String topic = topic(1);
        produce(topic, 0, "a");
        String idle = created(EARLIEST_MANUAL_COMMIT);
        join(manager.subscribe(group, idle, List.of(topic), null));
        fetch(idle, 1);
        String busy = created(InstanceConfig.defaults());
        join(manager.assign(group, busy, List.of(new PartitionRef(topic, 0))));
        assertEquals(1, members());

        join(manager.poll(group, busy, EmbeddedFormat.BINARY, Duration.ofMillis(2500), 0));

        assertError(ProxyError.CONSUMER_INSTANCE_NOT_FOUND, manager.subscription(group, idle));
        assertEquals(List.of(new PartitionRef(topic, 0)), join(manager.assignment(group, busy)));
        awaitNoMembers();
    }

    @Test
    void longPollsDoNotHoldUpOtherInstances() throws Exception {
        String empty = topic(1);
        List<String> waiting = IntStream.range(0, 50).mapToObj(i -> created(InstanceConfig.defaults())).toList();
        for (String name : waiting) {
            join(manager.assign(group, name, List.of(new PartitionRef(empty, 0))));
        }
        String topic = topic(1);
        produce(topic, 0, "ready");
        String other = created(EARLIEST_MANUAL_COMMIT);

        long start = System.nanoTime();
        List<CompletionStage<List<FetchedRecord>>> longPolls = waiting.stream()
                .map(name -> manager.poll(group, name, EmbeddedFormat.BINARY, Duration.ofSeconds(3), 0))
                .toList();
        join(manager.subscribe(group, other, List.of(topic), null));
        assertEquals(List.of("ready"), values(fetch(other, 1)));
        join(manager.commitAll(group, other));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(elapsed < 1500, "other instance took " + elapsed + " ms");
        assertTrue(longPolls.stream().noneMatch(poll -> poll.toCompletableFuture().isDone()));
        for (CompletionStage<List<FetchedRecord>> poll : longPolls) {
            assertEquals(List.of(), join(poll));
        }
    }

    @Test
    void closingTheManagerClosesEveryConsumer() throws Exception {
        String topic = topic(1);
        String name = created(EARLIEST_MANUAL_COMMIT);
        join(manager.subscribe(group, name, List.of(topic), null));
        while (join(manager.assignment(group, name)).isEmpty()) {
            join(manager.poll(group, name, EmbeddedFormat.BINARY, SHORT, 0));
        }

        manager.close();

        assertEquals(0, members());
        assertError(ProxyError.CONSUMER_INSTANCE_NOT_FOUND, manager.subscription(group, name));
    }

    private int members() throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
    }

    /** Closing an expired instance runs in the background; it leaves the group within its close timeout. */
    private void awaitNoMembers() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (members() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, members());
    }

    private ConsumerManager managerWith(ConsumerSettings settings) {
        return new ConsumerManager(KafkaClients.plaintext(KAFKA.bootstrapServers(), "test")::consumer, settings);
    }

    private String created(InstanceConfig config) {
        return join(manager.create(group, config)).instanceId();
    }

    /** Polls until {@code count} records came, failing if more arrive or they take too long. */
    private List<FetchedRecord> fetch(String name, int count) {
        List<FetchedRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (records.size() < count && System.nanoTime() < deadline) {
            records.addAll(join(manager.poll(group, name, EmbeddedFormat.BINARY, Duration.ofSeconds(1), 0)));
        }
        assertEquals(count, records.size(), "records fetched");
        return records;
    }

    private static String topic(int partitions) throws Exception {
        String topic = "consumers-" + UUID.randomUUID();
        createTopic(topic, partitions);
        return topic;
    }

    /** Returns once every partition has a leader: a consumer asked at once may not see the topic yet. */
    private static void createTopic(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!led(topic, partitions)) {
            assertTrue(System.nanoTime() < deadline, "no leaders for " + topic + " after 30 s");
            Thread.sleep(20);
        }
    }

    private static boolean led(String topic, int partitions) throws InterruptedException {
        try {
            var partitionInfo = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            return partitionInfo.size() == partitions && partitionInfo.stream().allMatch(p -> p.leader() != null);
        } catch (ExecutionException e) {
            return false;
        }
    }

    private static void produce(String topic, int partition, String... values) throws Exception {
        for (String value : values) {
            producer.send(new ProducerRecord<>(topic, partition, null, bytes(value))).get();
        }
    }

    private static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static ProxyException assertError(ProxyError expected, CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(30, TimeUnit.SECONDS));
        ProxyException proxy = assertInstanceOf(ProxyException.class, e.getCause());
        assertEquals(expected, proxy.error(), proxy.getMessage());
        return proxy;
    }

    private static List<String> values(List<FetchedRecord> records) {
        return records.stream().map(r -> text(r.value())).toList();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
