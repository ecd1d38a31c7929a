package io.karapace.jvm.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DUMP = "/store/confluent-schemas-topic.txt";
    /** Lines of the dump written by Karapace or Redpanda rather than Confluent. */
    private static final Set<Integer> FOREIGN_KEYS = Set.of(17, 18, 19, 20);
    private static final Set<Integer> FOREIGN_VALUES = Set.of(16, 17, 18, 19, 20);

    private final RecordCodec codec = new RecordCodec();

    @Test
    void keysAreWrittenInConfluentOrder() {
        assertBytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                codec.encodeKey(new LogKey.Schema("s", 1)));
        assertBytes("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}", codec.encodeKey(new LogKey.Config("s")));
        assertBytes("{\"keytype\":\"CONFIG\",\"magic\":0}", codec.encodeKey(new LogKey.Config(null)));
        assertBytes("{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0}", codec.encodeKey(new LogKey.Mode("s")));
        assertBytes("{\"keytype\":\"MODE\",\"magic\":0}", codec.encodeKey(new LogKey.Mode(null)));
        assertBytes("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}",
                codec.encodeKey(new LogKey.DeleteSubject("s")));
        assertBytes("{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"s\",\"magic\":0}",
                codec.encodeKey(new LogKey.ClearSubject("s")));
        assertBytes("{\"keytype\":\"NOOP\",\"magic\":0}", codec.encodeKey(new LogKey.Noop()));
        assertBytes("{\"keytype\":\"CONTEXT\",\"tenant\":\"t\",\"context\":\"c\",\"magic\":0}",
                codec.encodeKey(new LogKey.Context("t", "c")));
    }

    @Test
    void avroSchemaValueOmitsTypeAndEmptyReferences() {
        LogValue.Schema value = new LogValue.Schema("s", 3, 21, SchemaType.AVRO, List.of(), null, null,
                "\"string\"", false);

        assertBytes("{\"subject\":\"s\",\"version\":3,\"id\":21,\"schema\":\"\\\"string\\\"\",\"deleted\":false}",
                codec.encodeValue(value));
    }

    @Test
    void schemaValueWithEveryPropertyFollowsConfluentOrder() {
        LogValue.Schema value = new LogValue.Schema("s", 2, 5, SchemaType.PROTOBUF,
                List.of(new SchemaReference("common.proto", "common", 1)),
                object("{\"properties\":{\"owner\":\"a\"}}"), object("{\"domainRules\":[]}"),
                "syntax = \"proto3\";\n", true);

        assertBytes("{\"subject\":\"s\",\"version\":2,\"id\":5,\"schemaType\":\"PROTOBUF\","
                        + "\"references\":[{\"name\":\"common.proto\",\"subject\":\"common\",\"version\":1}],"
                        + "\"metadata\":{\"properties\":{\"owner\":\"a\"}},\"ruleSet\":{\"domainRules\":[]},"
                        + "\"schema\":\"syntax = \\\"proto3\\\";\\n\",\"deleted\":true}",
                codec.encodeValue(value));
    }

    @Test
    void nonAsciiSchemaTextIsWrittenAsUtf8NotEscaped() {
        LogValue.Schema value = new LogValue.Schema("s", 1, 1, SchemaType.AVRO, List.of(), null, null,
                "{\"type\":\"enum\",\"name\":\"É\",\"symbols\":[\"A\"]}", false);

        byte[] bytes = codec.encodeValue(value);

        assertBytes("{\"subject\":\"s\",\"version\":1,\"id\":1,"
                + "\"schema\":\"{\\\"type\\\":\\\"enum\\\",\\\"name\\\":\\\"É\\\",\\\"symbols\\\":[\\\"A\\\"]}\","
                + "\"deleted\":false}", bytes);
        assertTrue(new String(bytes, UTF_8).indexOf("\\u") < 0);
    }

    @Test
    void otherValuesAreWrittenInConfluentOrder() {
        assertBytes("{\"compatibilityLevel\":\"FULL\",\"normalize\":true,\"alias\":\"x\"}",
                codec.encodeValue(new LogValue.Config(object("{\"compatibilityLevel\":\"FULL\",\"normalize\":true,\"alias\":\"x\"}"))));
        assertBytes("{\"subject\":\"s\",\"mode\":\"IMPORT\"}", codec.encodeValue(new LogValue.Mode("s", "IMPORT")));
        assertBytes("{\"mode\":\"READONLY\"}", codec.encodeValue(new LogValue.Mode(null, "READONLY")));
        assertBytes("{\"subject\":\"s\",\"version\":4}", codec.encodeValue(new LogValue.DeleteSubject("s", 4)));
        assertBytes("{\"subject\":\"s\"}", codec.encodeValue(new LogValue.ClearSubject("s")));
        assertBytes("{\"tenant\":\"t\",\"context\":\"c\"}", codec.encodeValue(new LogValue.Context("t", "c")));
        assertNull(codec.encodeValue(null));
    }

    @Test
    void decodesAHandWrittenConfluentTopic() throws Exception {
        List<LogRecord> records = decodeDump();

        assertEquals(List.of(
                new LogKey.Noop(),
                new LogKey.Config(null),
                new LogKey.Schema("orders-value", 1),
                new LogKey.Schema("orders-value", 2),
                new LogKey.Schema("common", 1),
                new LogKey.Schema("payments-value", 1),
                new LogKey.Config("orders-value"),
                new LogKey.Schema("orders-value", 1),
                new LogKey.Schema("orders-value", 1),
                new LogKey.Schema("legacy-value", 1),
                new LogKey.Schema("legacy-value", 2),
                new LogKey.DeleteSubject("legacy-value"),
                new LogKey.Mode("orders-value"),
                new LogKey.Mode(null),
                new LogKey.Context("default", ".staging"),
                new LogKey.ClearSubject(":.staging:"),
                new LogKey.Schema("contracts-value", 1),
                new LogKey.Schema("karapace-value", 1),
                new LogKey.Config(null),
                new LogKey.Config(null),
                new LogKey.Schema("redpanda-value", 1),
                new LogKey.Noop()), records.stream().map(LogRecord::key).toList());

        assertNull(records.get(0).value());
        assertEquals(new LogValue.Config(object("{\"compatibilityLevel\":\"BACKWARD\"}")), records.get(1).value());
        LogValue.Schema ordersV1 = (LogValue.Schema) records.get(2).value();
        assertEquals(SchemaType.AVRO, ordersV1.schemaType());
        assertEquals(List.of(), ordersV1.references());
        assertEquals(1, ordersV1.id());
        assertEquals(false, ordersV1.deleted());
        assertEquals(new LogValue.Schema("payments-value", 1, 4, SchemaType.PROTOBUF,
                List.of(new SchemaReference("common.proto", "common", 1)), null, null,
                "syntax = \"proto3\";\npackage payments;\n\nimport \"common.proto\";\n\n"
                        + "message Payment {\n  common.Money amount = 1;\n}\n", false), records.get(5).value());
        assertEquals(new LogValue.Config(object("{\"subject\":\"orders-value\",\"compatibilityLevel\":\"FULL\"}")),
                records.get(6).value());
        assertEquals(ordersV1.withDeleted(true), records.get(7).value());
        assertTrue(records.get(8).isTombstone());
        assertEquals(new LogValue.DeleteSubject("legacy-value", 2), records.get(11).value());
        assertEquals(new LogValue.Mode("orders-value", "READONLY"), records.get(12).value());
        assertEquals(new LogValue.Mode(null, "READWRITE"), records.get(13).value());
        assertEquals(new LogValue.Context("default", ".staging"), records.get(14).value());
        assertEquals(new LogValue.ClearSubject(":.staging:"), records.get(15).value());
    }

    @Test
    void dataContractFieldsAreKeptVerbatimAndUnknownFieldsIgnored() throws Exception {
        LogValue.Schema contract = (LogValue.Schema) decodeDump().get(16).value();

        assertEquals(SchemaType.JSON, contract.schemaType());
        assertEquals(object("{\"tags\":{\"$.ssn\":[\"PII\"]},\"properties\":{\"owner\":\"team-a\"}}"), contract.metadata());
        assertEquals("CEL", contract.ruleSet().get("domainRules").get(0).get("type").asText());
    }

    @Test
    void readsKarapaceAndRedpandaVariants() throws Exception {
        List<LogRecord> records = decodeDump();

        assertEquals(new LogValue.Schema("karapace-value", 1, 8, SchemaType.AVRO, List.of(), null, null,
                "\"int\"", false), records.get(17).value());
        assertEquals(new LogValue.Config(object("{\"compatibilityLevel\":\"NONE\"}")), records.get(18).value());
        assertTrue(records.get(19).isTombstone(), "an empty value is a tombstone");
        assertEquals(new LogValue.Schema("redpanda-value", 1, 9, SchemaType.AVRO, List.of(), null, null,
                "\"long\"", false), records.get(20).value());
    }

    @Test
    void recordsKeepTheExactKeyBytesAndOffset() throws Exception {
        List<String[]> lines = dumpLines();
        List<LogRecord> records = decodeDump();

        for (int i = 0; i < lines.size(); i++) {
            assertArrayEquals(lines.get(i)[0].getBytes(UTF_8), records.get(i).rawKey(), "line " + i);
            assertEquals(i, records.get(i).offset());
        }
    }

    @Test
    void confluentWrittenRecordsAreReproducedByteForByte() throws Exception {
        List<String[]> lines = dumpLines();
        List<LogRecord> records = decodeDump();

        for (int i = 0; i < lines.size(); i++) {
            if (!FOREIGN_KEYS.contains(i)) {
                assertBytes(lines.get(i)[0], codec.encodeKey(records.get(i).key()));
            }
            if (!FOREIGN_VALUES.contains(i) && !records.get(i).isTombstone()) {
                assertBytes(lines.get(i)[1], codec.encodeValue(records.get(i).value()));
            }
        }
    }

    @Test
    void tombstonesAreNullEmptyOrJsonNull() throws MalformedRecordException {
        byte[] key = codec.encodeKey(new LogKey.Schema("s", 1));

        assertNull(codec.decode(key, null, 0).value());
        assertNull(codec.decode(key, new byte[0], 0).value());
        assertNull(codec.decode(key, "null".getBytes(UTF_8), 0).value());
    }

    @Test
    void noopCarriesNoValueWhateverWasWritten() throws MalformedRecordException {
        LogRecord noop = codec.decode(codec.encodeKey(new LogKey.Noop()), "{\"x\":1}".getBytes(UTF_8), 3);

        assertEquals(new LogKey.Noop(), noop.key());
        assertNull(noop.value());
    }

    @Test
    void absentSchemaFieldsTakeConfluentDefaults() throws MalformedRecordException {
        LogRecord record = codec.decode(codec.encodeKey(new LogKey.Schema("s", 1)),
                "{\"schema\":\"\\\"int\\\"\",\"id\":1,\"version\":1,\"subject\":\"s\"}".getBytes(UTF_8), 0);

        assertEquals(new LogValue.Schema("s", 1, 1, SchemaType.AVRO, List.of(), null, null, "\"int\"", false),
                record.value());
    }

    @Test
    void modeAndDeleteValuesWithoutSubjectTakeItFromTheKey() throws MalformedRecordException {
        LogRecord mode = codec.decode(codec.encodeKey(new LogKey.Mode("s")), "{\"mode\":\"IMPORT\"}".getBytes(UTF_8), 0);
        LogRecord delete = codec.decode(codec.encodeKey(new LogKey.DeleteSubject("s")),
                "{\"version\":3}".getBytes(UTF_8), 0);

        assertEquals(new LogValue.Mode("s", "IMPORT"), mode.value());
        assertEquals(new LogValue.DeleteSubject("s", 3), delete.value());
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void decodingWhatWasEncodedGivesItBack(LogKey key, LogValue value) throws MalformedRecordException {
        LogRecord record = codec.decode(codec.encodeKey(key), codec.encodeValue(value), 42);

        assertEquals(key, record.key());
        assertEquals(value, record.value());
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                Arguments.of(new LogKey.Schema("s", 7), new LogValue.Schema("s", 7, 70, SchemaType.JSON,
                        List.of(new SchemaReference("a.json", "a", 2), new SchemaReference("b.json", "b", 1)),
                        object("{\"properties\":{\"k\":\"v\"}}"), object("{\"migrationRules\":[]}"), "{}", true)),
                Arguments.of(new LogKey.Schema("s", 1), null),
                Arguments.of(new LogKey.Config(null), new LogValue.Config(object("{\"compatibilityLevel\":\"NONE\"}"))),
                Arguments.of(new LogKey.Config("s"), new LogValue.Config(
                        object("{\"compatibilityLevel\":\"FULL\",\"normalize\":true,\"defaultMetadata\":{}}"))),
                Arguments.of(new LogKey.Mode(null), new LogValue.Mode(null, "READONLY_OVERRIDE")),
                Arguments.of(new LogKey.Mode("s"), new LogValue.Mode("s", "IMPORT")),
                Arguments.of(new LogKey.DeleteSubject("s"), new LogValue.DeleteSubject("s", 9)),
                Arguments.of(new LogKey.ClearSubject("s"), new LogValue.ClearSubject("s")),
                Arguments.of(new LogKey.Context("t", ".c"), new LogValue.Context("t", ".c")),
                Arguments.of(new LogKey.Noop(), null));
    }

    @ParameterizedTest
    @MethodSource("malformedRecords")
    void malformedRecordsAreRejectedNamingTheirOffset(String key, String value) {
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
                () -> codec.decode(key == null ? null : key.getBytes(UTF_8),
                        value == null ? null : value.getBytes(UTF_8), 1234));

        assertTrue(e.getMessage().startsWith("Record at offset 1234 "), e.getMessage());
    }

    static Stream<Arguments> malformedRecords() {
        String schemaKey = "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}";
        return Stream.of(
                Arguments.of(null, null),
                Arguments.of("", null),
                Arguments.of("{\"keytype\":", null),
                Arguments.of("[\"SCHEMA\"]", null),
                Arguments.of("{\"subject\":\"s\",\"magic\":0}", null),
                Arguments.of("{\"keytype\":7,\"magic\":0}", null),
                Arguments.of("{\"keytype\":\"ASSOC\",\"magic\":0}", null),
                Arguments.of("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"magic\":1}", null),
                Arguments.of("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":\"1\",\"magic\":1}", null),
                Arguments.of("{\"keytype\":\"DELETE_SUBJECT\",\"magic\":0}", null),
                Arguments.of(schemaKey, "not json"),
                Arguments.of(schemaKey, "[1]"),
                Arguments.of(schemaKey, "{\"subject\":\"s\",\"version\":1,\"schema\":\"\\\"int\\\"\"}"),
                Arguments.of(schemaKey, "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schemaType\":\"XML\",\"schema\":\"x\"}"),
                Arguments.of(schemaKey, "{\"subject\":\"s\",\"version\":1,\"id\":1,\"references\":{},\"schema\":\"x\"}"),
                Arguments.of(schemaKey, "{\"subject\":\"s\",\"version\":1,\"id\":1,\"references\":[{\"name\":\"n\"}],\"schema\":\"x\"}"),
                Arguments.of(schemaKey, "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"x\",\"deleted\":\"no\"}"),
                Arguments.of(schemaKey, "{\"subject\":\"s\",\"version\":1,\"id\":1,\"metadata\":[],\"schema\":\"x\"}"),
                Arguments.of("{\"keytype\":\"CONFIG\",\"magic\":0}", "\"FULL\""),
                Arguments.of("{\"keytype\":\"MODE\",\"magic\":0}", "{\"subject\":null}"),
                Arguments.of("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}", "{\"subject\":\"s\"}"));
    }

    private List<LogRecord> decodeDump() throws IOException, MalformedRecordException {
        List<LogRecord> records = new ArrayList<>();
        List<String[]> lines = dumpLines();
        for (int i = 0; i < lines.size(); i++) {
            String value = lines.get(i)[1];
            records.add(codec.decode(lines.get(i)[0].getBytes(UTF_8),
                    value.equals("null") ? null : value.getBytes(UTF_8), i));
        }
        return records;
    }

    private static List<String[]> dumpLines() throws IOException {
        try (InputStream in = RecordCodecTest.class.getResourceAsStream(DUMP)) {
            return new String(in.readAllBytes(), UTF_8).lines().map(line -> line.split("\t", -1)).toList();
        }
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static void assertBytes(String expected, byte[] actual) {
        assertEquals(expected, new String(actual, UTF_8));
        assertArrayEquals(expected.getBytes(UTF_8), actual);
    }
}
