package io.karapace.jvm.backup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format written byte by byte from its description and read back; bad files are refused. */
class BackupFormatsTest {
    @TempDir
    Path dir;

    @Test
    void readsAHandWrittenV3BackupWithCheckpointsNullsAndHeaders() throws Exception {
        HandWrittenV3 v3 = new HandWrittenV3();
        List<BackupRecord> expected = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            byte[] key = i == 7 ? null : ("{\"k\":" + i + "}").getBytes(UTF_8);
            byte[] value = i % 50 == 3 ? null : ("v" + i).repeat(i % 3 == 0 ? 200 : 1).getBytes(UTF_8);
            List<byte[][]> headers = new ArrayList<>();
            if (i == 5) {
                headers.add(new byte[][] {"h".getBytes(UTF_8), "x".getBytes(UTF_8)});
            }
            v3.record(key, value, headers, 10 + 2L * i, 1_000 + i);
            expected.add(new BackupRecord(key, value, headers.stream()
                    .map(h -> new BackupRecord.Header(h[0], h[1])).toList(), 10 + 2L * i, 1_000 + i));
        }
        Path backupDir = writeV3(v3, "t");

        assertRecords(expected, readAll(Backup.open(backupDir)));
        assertEquals(BackupFormat.V3, Backup.open(backupDir).format());
    }

    @Test
    void theProductionWriterWritesTheSameBytesAsTheHandWrittenOne() throws Exception {
        // API.md F: checkpoints once >= 100 records or >= 16384 bytes passed, as Karapace's writer
        HandWrittenV3 v3 = new HandWrittenV3();
        Path file = dir.resolve("t:0.data");
        try (V3DataFileWriter writer = new V3DataFileWriter(file)) {
            for (int i = 0; i < 400; i++) {
                byte[] key = ("key-" + i).getBytes(UTF_8);
                byte[] value = i % 10 == 0 ? null : "x".repeat(i % 7 == 0 ? 3000 : 20).getBytes(UTF_8);
                v3.record(key, value, List.of(), i, 42);
                writer.write(new BackupRecord(key, value, List.of(), i, 42));
            }
            V3Metadata.DataFile described = writer.finish(0);
            assertArrayEquals(v3.digest(), described.checksum());
            assertEquals(0, described.startOffset());
            assertEquals(399, described.endOffset());
        }
        assertArrayEquals(v3.dataFile(), Files.readAllBytes(file));
    }

    @Test
    void readsABackupWrittenByKarapace() throws Exception {
        // Karapace tests/integration/test_data/backup_v3_single_partition/0cdc85dc, test_v3_backup.py TestInspect
        Backup backup = Backup.open(resource("karapace/intact"));
        List<BackupRecord> records = readAll(backup);

        assertEquals(2, records.size());
        assertEquals("bar", new String(records.get(0).key(), UTF_8));
        assertEquals("foo", new String(records.get(0).value(), UTF_8));
        assertEquals("foo", new String(records.get(1).key(), UTF_8));
        assertEquals(2, records.get(1).headers().size());
        V3Metadata metadata = backup.metadata().orElseThrow();
        assertEquals("f414f504a8e49313", HexFormat.of().formatHex(metadata.dataFiles().get(0).checksum()));
        String json = Inspection.toJson(backup);
        assertTrue(json.contains("\"started_at\" : \"2023-05-31T11:42:21.116000+00:00\""), json);
        assertTrue(json.contains("\"tool_version\" : \"3.5.0-31-g15440ce\""), json);
        assertTrue(json.contains("\"max.message.bytes\" : \"999\""), json);
    }

    @Test
    void readsAHandWrittenV2File() throws Exception {
        // API.md D.4: /V2, then upper-case hex key TAB hex value, "null" for a null side
        Path file = dir.resolve("v2");
        Files.writeString(file, "/V2\n" + hex("{\"keytype\":\"NOOP\"}") + "\t" + hex("{}") + "\n"
                + hex("k2") + "\tnull\n" + "null\t" + hex("v3").toLowerCase() + "\n");

        List<BackupRecord> records = readAll(Backup.open(file));

        assertEquals(BackupFormat.V2, Backup.open(file).format());
        assertRecords(List.of(kv("{\"keytype\":\"NOOP\"}", "{}"), kv("k2", null), kv(null, "v3")), records);
    }

    @Test
    void writesV2AsItsDescriptionSays() throws Exception {
        Path file = dir.resolve("written.v2");
        try (V2File.Writer writer = new V2File.Writer(file)) {
            writer.write(kv("ab", null));
            writer.write(kv(null, "\u00ff"));
        }
        assertEquals("/V2\n6162\tnull\nnull\tC3BF\n", Files.readString(file));
    }

    @Test
    void readsAHandWrittenV1File() throws Exception {
        // Karapace backup/backends/v1.py: one JSON array of [key, value] JSON strings; null is a tombstone
        Path file = dir.resolve("v1.json");
        Files.writeString(file, "[[\"{\\\"keytype\\\": \\\"SCHEMA\\\"}\", \"{\\\"a\\\": 1}\"],\n"
                + " [\"{\\\"k\\\": 2}\", null], [\"{\\\"k\\\": 3}\", \"null\"]]");

        assertEquals(BackupFormat.V1, Backup.open(file).format());
        assertRecords(List.of(kv("{\"keytype\": \"SCHEMA\"}", "{\"a\": 1}"), kv("{\"k\": 2}", null),
                kv("{\"k\": 3}", null)), readAll(Backup.open(file)));
    }

    @Test
    void readsConsoleConsumerLines() throws Exception {
        // kafka-console-consumer --property print.key=true prints key TAB value, "null" for a null value
        Path file = dir.resolve("console.txt");
        Files.writeString(file, "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}\t{\"compatibilityLevel\":\"FULL\"}\n"
                + "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":0}\tnull\n");

        assertEquals(BackupFormat.CONSOLE, Backup.open(file).format());
        assertRecords(List.of(kv("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                "{\"compatibilityLevel\":\"FULL\"}"), kv("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,"
                + "\"magic\":0}", null)), readAll(Backup.open(file)));
    }

    @Test
    void aTruncatedDataFileIsRefusedNamingTheRecord() throws Exception {
        Path backupDir = writeV3(threeRecords(), "t");
        Path data = backupDir.resolve("t:0.data");
        byte[] bytes = Files.readAllBytes(data);
        Files.write(data, java.util.Arrays.copyOf(bytes, bytes.length - 3));

        BackupException e = assertThrows(BackupException.class, () -> readAll(Backup.open(backupDir)));
        assertTrue(e.getMessage().contains("t:0.data: truncated at record 2"), e.getMessage());
    }

    @Test
    void aFlippedChecksumByteIsRefused() throws Exception {
        HandWrittenV3 v3 = threeRecords();
        Path backupDir = writeV3(v3, "t");
        Path metadata = backupDir.resolve("t.metadata");
        byte[] bytes = Files.readAllBytes(metadata);
        int at = indexOf(bytes, v3.digest());
        bytes[at + 7] ^= 0x01;
        Files.write(metadata, bytes);

        BackupException e = assertThrows(BackupException.class, () -> readAll(Backup.open(backupDir)));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertEquals("checksum of the file does not match the metadata",
                Verification.verify(Backup.open(backupDir), Verification.Level.FILE).get(0).problem());
    }

    @Test
    void aWrongCheckpointIsRefusedAtItsRecord() throws Exception {
        HandWrittenV3 v3 = new HandWrittenV3();
        for (int i = 0; i < 101; i++) {
            v3.record(new byte[] {1}, new byte[] {2}, List.of(), i, 0);
        }
        Path backupDir = writeV3(v3, "t");
        Path data = backupDir.resolve("t:0.data");
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length - 1] ^= 0x10; // the last byte is inside record 100's checkpoint
        Files.write(data, bytes);

        BackupException e = assertThrows(BackupException.class, () -> readAll(Backup.open(backupDir)));
        assertTrue(e.getMessage().contains("record 100"), e.getMessage());
    }

    @Test
    void aWrongMagicIsRefused() throws Exception {
        Path backupDir = writeV3(threeRecords(), "t");
        Path metadata = backupDir.resolve("t.metadata");
        byte[] bytes = Files.readAllBytes(metadata);
        bytes[2] = '4';
        Files.write(metadata, bytes);

        BackupException e = assertThrows(BackupException.class, () -> Backup.open(backupDir));
        assertTrue(e.getMessage().contains("t.metadata: not a V3 metadata file"), e.getMessage());
    }

    @Test
    void karapacesBitFlippedBackupFailsItsVerification() throws Exception {
        // Karapace test_data/backup_v3_corrupt_last_record_bit_flipped_no_checkpoints: "not intact"
        Backup backup = Backup.open(resource("karapace/bitflip"));
        assertTrue(!Verification.verify(backup, Verification.Level.FILE).get(0).intact());
        assertThrows(BackupException.class, () -> readAll(backup));
    }

    @Test
    void unparseableLegacyFilesAreRefusedWithTheirLine() throws Exception {
        Path v2 = dir.resolve("bad.v2");
        Files.writeString(v2, "/V2\n4142\t4344\nZZ\t00\n");
        assertTrue(assertThrows(BackupException.class, () -> readAll(Backup.open(v2))).getMessage()
                .contains("line 3"));
        Path console = dir.resolve("bad.txt");
        Files.writeString(console, "{\"a\":1}\t{\"b\":2}\n{\"a\":1}\t{not json\n");
        assertTrue(assertThrows(BackupException.class, () -> readAll(Backup.open(console))).getMessage()
                .contains("line 2 value"));
    }

    private HandWrittenV3 threeRecords() {
        HandWrittenV3 v3 = new HandWrittenV3();
        v3.record("a".getBytes(UTF_8), "1".getBytes(UTF_8), List.of(), 0, 5);
        v3.record("b".getBytes(UTF_8), null, List.of(), 1, 6);
        v3.record("c".getBytes(UTF_8), "3".getBytes(UTF_8), List.of(), 3, 7);
        return v3;
    }

    private Path writeV3(HandWrittenV3 v3, String topic) throws IOException {
        Path backupDir = Files.createDirectories(dir.resolve("backup-" + topic));
        Files.write(backupDir.resolve(topic + ":0.data"), v3.dataFile());
        Files.write(backupDir.resolve(topic + ".metadata"), v3.metadataFile(topic, topic + ":0.data",
                Map.of("cleanup.policy", "compact")));
        return backupDir;
    }

    static List<BackupRecord> readAll(Backup backup) throws IOException, BackupException {
        List<BackupRecord> records = new ArrayList<>();
        backup.read(records::add);
        return records;
    }

    static void assertRecords(List<BackupRecord> expected, List<BackupRecord> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            BackupRecord e = expected.get(i);
            BackupRecord a = actual.get(i);
            assertArrayEquals(e.key(), a.key(), "key of record " + i);
            assertArrayEquals(e.value(), a.value(), "value of record " + i);
            assertEquals(e.offset(), a.offset(), "offset of record " + i);
            assertEquals(e.timestamp(), a.timestamp(), "timestamp of record " + i);
            assertEquals(e.headers().size(), a.headers().size(), "headers of record " + i);
        }
    }

    private static BackupRecord kv(String key, String value) {
        return BackupRecord.keyValue(key == null ? null : key.getBytes(UTF_8), value == null ? null : value.getBytes(UTF_8));
    }

    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(UTF_8));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BackupFormatsTest.class.getResource(name).toURI());
    }
}
