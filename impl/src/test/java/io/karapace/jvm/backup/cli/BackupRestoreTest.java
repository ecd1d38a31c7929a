package io.karapace.jvm.backup.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.testing.KafkaBroker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** get, restore and the exit codes on a real broker, through the command line as a user runs it. */
class BackupRestoreTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir
    Path dir;

    private final String source = "backup-src-" + UUID.randomUUID();

    @Test
    void oneHundredThousandRecordsRoundTripThroughV3() throws Exception {
        createTopic(source);
        List<byte[][]> written = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = clients().producer("test", Map.of("linger.ms", 20))) {
            for (int i = 0; i < 100_000; i++) {
                byte[] key = ("{\"keytype\":\"SCHEMA\",\"n\":" + i + "}").getBytes(UTF_8);
                byte[] value = i % 1000 == 999 ? null : ("{\"schema\":\"" + i + "\"}").getBytes(UTF_8);
                written.add(new byte[][] {key, value});
                producer.send(new ProducerRecord<>(source, 0, key, value));
            }
        }
        long started = System.nanoTime();
        Path location = dir.resolve("big");
        assertEquals(0, run("get", "--config", config(), "--topic", source, "--location", location.toString()).code);
        String target = "restored-" + UUID.randomUUID();
        Result restore = run("restore", "--config", config(), "--topic", target, "--location", location.toString());
        System.out.printf("100000 records: get + restore through V3 in %.1f s%n", (System.nanoTime() - started) / 1e9);

        assertEquals(0, restore.code, restore.err);
        // restore prints what it wrote; 100 of the records are tombstones
        assertTrue(restore.out.contains("Restored 100,000 records (100 tombstones)"), restore.out);
        assertSameRecords(written, readAll(target));
    }

    @Test
    void aBackupTakenUnderConcurrentWritesHoldsExactlyTheRecordsUpToTheStartEndOffset() throws Exception {
        createTopic(source);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong sent = new AtomicLong();
        Thread writer = new Thread(() -> writeUntilStopped(stop, sent), "load");
        writer.start();
        try {
            while (sent.get() < 5_000) {
                Thread.sleep(20);
            }
            Path location = dir.resolve("under-load");
            Result get = run("get", "--config", config(), "--topic", source, "--location", location.toString());
            assertEquals(0, get.code, get.err);
            long afterGet = sent.get();
            String target = "restored-" + UUID.randomUUID();
            assertEquals(0, run("restore", "--config", config(), "--topic", target, "--location",
                    location.toString()).code);

            List<byte[][]> restored = readAll(target);
            stop.set(true);
            writer.join();
            List<byte[][]> original = readAll(source);
            // the backup is the topic as it was when get started (Karapace api.py _consume_records
            // reads to the end offset taken at start): a prefix of the topic, and writes went on after it
            assertTrue(restored.size() >= 5_000 && restored.size() <= afterGet, restored.size() + " / " + afterGet);
            assertTrue(original.size() > restored.size());
            assertSameRecords(original.subList(0, restored.size()), restored);
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    @Test
    void corruptedBackupsExitWithThreeAndProduceNothing() throws Exception {
        createTopic(source);
        try (KafkaProducer<byte[], byte[]> producer = clients().producer("test", Map.of())) {
            for (int i = 0; i < 300; i++) {
                producer.send(new ProducerRecord<>(source, 0, ("k" + i).getBytes(UTF_8), ("v" + i).getBytes(UTF_8)));
            }
        }
        Path good = dir.resolve("good");
        assertEquals(0, run("get", "--config", config(), "--topic", source, "--location", good.toString()).code);
        Path data = good.resolve(source + ":0.data");
        Path metadata = good.resolve(source + ".metadata");
        byte[] dataBytes = Files.readAllBytes(data);
        byte[] metadataBytes = Files.readAllBytes(metadata);

        Files.write(data, Arrays.copyOf(dataBytes, dataBytes.length - 5));
        assertRefused(good, "truncated at record 299");

        Files.write(data, dataBytes);
        byte[] flipped = metadataBytes.clone();
        flipped[indexOfChecksum(flipped, dataBytes)] ^= 0x40;
        Files.write(metadata, flipped);
        assertRefused(good, "checksum");

        byte[] wrongMagic = metadataBytes.clone();
        wrongMagic[1] = 'X';
        Files.write(metadata, wrongMagic);
        assertRefused(good, "not a V3 metadata file");

        Files.write(metadata, metadataBytes);
        // Metadata.avsc: topic_id is an Avro uuid, so RFC 4122 text (Kafka's own form is base64)
        String inspect = run("inspect", "--location", good.toString()).out;
        assertTrue(inspect.matches("(?s).*\"topic_id\" : \"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\".*"),
                inspect);
        Result verify = run("verify", "--location", good.toString(), "--level", "record");
        assertEquals(0, verify.code, verify.out);
    }

    @Test
    void v2AndConsoleBackupsRestoreAndTheTargetFlagsAreHonoured() throws Exception {
        createTopic(source);
        List<byte[][]> written = List.of(new byte[][] {"{\"k\":1}".getBytes(UTF_8), "{\"v\":1}".getBytes(UTF_8)},
                new byte[][] {"{\"k\":2}".getBytes(UTF_8), null});
        try (KafkaProducer<byte[], byte[]> producer = clients().producer("test", Map.of())) {
            for (byte[][] record : written) {
                producer.send(new ProducerRecord<>(source, 0, record[0], record[1]));
            }
        }
        Path v2 = dir.resolve("backup.v2");
        assertEquals(0, run("get", "--config", config(), "--topic", source, "--format", "v2", "--location",
                v2.toString()).code);
        // API.md D.4: /V2, then upper-case hex key TAB hex value, null for a tombstone
        assertEquals("/V2\n7B226B223A317D\t7B2276223A317D\n7B226B223A327D\tnull\n", Files.readString(v2));
        // an existing location is kept unless --overwrite (Karapace api.py create_backup)
        assertEquals(1, run("get", "--config", config(), "--topic", source, "--format", "v2", "--location",
                v2.toString()).code);

        String target = "restored-" + UUID.randomUUID();
        createTopic(target);
        assertEquals(0, run("restore", "--config", config(), "--topic", target, "--skip-topic-creation",
                "--location", v2.toString()).code);
        assertSameRecords(written, readAll(target));

        Path console = Files.writeString(dir.resolve("console.txt"), "{\"k\":3}\t{\"v\":3}\n{\"k\":1}\tnull\n");
        assertEquals(1, run("restore", "--config", config(), "--topic", target, "--location",
                console.toString()).code);
        Result appended = run("restore", "--config", config(), "--topic", target, "--allow-non-empty",
                "--location", console.toString());
        assertEquals(0, appended.code, appended.err);
        assertTrue(appended.out.contains("format CONSOLE"), appended.out);
        List<byte[][]> all = readAll(target);
        assertEquals(4, all.size());
        assertArrayEquals("{\"k\":3}".getBytes(UTF_8), all.get(2)[0]);
        assertEquals(null, all.get(3)[1]);
    }

    @Test
    void anEmptyTopicBacksUpAsMetadataOnlyAndRestoresAsAnEmptyTopic() throws Exception {
        createTopic(source);
        Path location = dir.resolve("empty");
        assertEquals(0, run("get", "--config", config(), "--topic", source, "--location", location.toString()).code);
        // Karapace api.py create_backup: an empty partition gets metadata and no data file
        assertEquals(List.of(source + ".metadata"), Files.list(location).map(p -> p.getFileName().toString()).toList());
        assertTrue(run("inspect", "--location", location.toString()).out.contains("\"data_files\" : [ ]"));
        String target = "restored-" + UUID.randomUUID();
        Result restore = run("restore", "--config", config(), "--topic", target, "--location", location.toString());
        assertEquals(0, restore.code, restore.err);
        assertEquals(0, readAll(target).size());
    }

    private void assertRefused(Path backup, String where) throws Exception {
        String target = "never-" + UUID.randomUUID();
        Result restore = run("restore", "--config", config(), "--topic", target, "--location", backup.toString());
        // API.md D.4: exit code 3 on data errors; one line naming file and record
        assertEquals(3, restore.code, restore.out + restore.err);
        assertTrue(restore.err.contains(where), restore.err);
        assertEquals(1, restore.err.strip().lines().count(), restore.err);
        try (Admin admin = clients().admin("test", Map.of())) {
            assertFalse(admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(target));
        }
    }

    private static int indexOfChecksum(byte[] metadata, byte[] dataFile) {
        byte[] digest = java.nio.ByteBuffer.allocate(8).putLong(net.jpountz.xxhash.XXHashFactory.safeInstance()
                .hash64().hash(dataFile, 0, dataFile.length, 0)).array();
        for (int i = 0; i + 8 <= metadata.length; i++) {
            if (Arrays.equals(metadata, i, i + 8, digest, 0, 8)) {
                return i + 3;
            }
        }
        throw new AssertionError("checksum not in metadata");
    }

    private void writeUntilStopped(AtomicBoolean stop, AtomicLong sent) {
        try (KafkaProducer<byte[], byte[]> producer = clients().producer("load", Map.of("linger.ms", 1))) {
            for (long i = 0; !stop.get(); i++) {
                producer.send(new ProducerRecord<>(source, 0, ("k" + i).getBytes(UTF_8), ("v" + i).getBytes(UTF_8)),
                        (m, e) -> sent.incrementAndGet());
                if (i % 200 == 0) {
                    producer.flush();
                }
            }
        }
    }

    static void assertSameRecords(List<byte[][]> expected, List<byte[][]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i)[0], actual.get(i)[0], "key " + i);
            assertArrayEquals(expected.get(i)[1], actual.get(i)[1], "value " + i);
        }
    }

    static List<byte[][]> readAll(String topic) {
        List<byte[][]> records = new ArrayList<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = clients().consumer("test", Map.of())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(new byte[][] {record.key(), record.value()});
                }
            }
        }
        return records;
    }

    static void createTopic(String topic) throws Exception {
        try (Admin admin = clients().admin("test", Map.of())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    static KafkaClients clients() {
        return KafkaClients.plaintext(KAFKA.bootstrapServers(), "backup-test");
    }

    String config() throws IOException {
        Path file = dir.resolve("karapace.json");
        if (!Files.exists(file)) {
            Files.writeString(file, "{\"bootstrap_uri\": \"" + KAFKA.bootstrapServers() + "\"}");
        }
        return file.toString();
    }

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BackupCommand.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Result(code, out.toString(), err.toString());
    }
}
