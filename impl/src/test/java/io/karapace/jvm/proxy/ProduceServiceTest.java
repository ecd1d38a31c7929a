package io.karapace.jvm.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProduceServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_SCHEMA = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"ns\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"n\",\"type\":[\"null\",\"int\"]}]}";
    private static final ProduceBatch.SchemaChoice NONE = ProduceBatch.SchemaChoice.NONE;

    private final RecordingSink sink = new RecordingSink();
    private final InMemorySchemaLookup registry = new InMemorySchemaLookup();
    private final FixedMetadata cluster = new FixedMetadata(Map.of("t", 3));

    private ProduceService service(NameStrategy strategy) {
        return new ProduceService(sink, cluster, registry, InMemorySchemaLookup.PROVIDERS, strategy);
    }

    private ProduceResult produce(ProduceBatch batch) {
        return service(NameStrategy.TOPIC_NAME).produce(batch).join();
    }

    private static ProduceBatch.Entry entry(String keyJson, String valueJson) {
        return new ProduceBatch.Entry(json(keyJson), json(valueJson), null);
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ProduceBatch toTopic(EmbeddedFormat format, ProduceBatch.SchemaChoice key,
                                        ProduceBatch.SchemaChoice value, ProduceBatch.Entry... entries) {
        return new ProduceBatch("t", null, format, key, value, List.of(entries));
    }

    private static ProxyError errorOf(Runnable call) {
        return assertThrows(ProxyException.class, call::run).error();
    }

    @Test
    void theAnswerIsCompletedOffTheThreadThatKafkasAcknowledgementsArriveOn() throws Exception {
        sink.holdAnswers();
        CompletableFuture<String> answeredOn = service(NameStrategy.TOPIC_NAME)
                .produce(toTopic(EmbeddedFormat.JSON, NONE, NONE, entry(null, "1"), entry(null, "2")))
                .thenApply(result -> Thread.currentThread().getName());

        Thread kafkaIo = new Thread(sink::answerAll, "kafka-producer-network-thread");
        kafkaIo.start();
        kafkaIo.join();

        assertTrue(answeredOn.join().startsWith("rest-produce-response-"), answeredOn.join());
    }

    @Test
    void binaryKeysAndValuesAreWrittenAsTheBytesTheirBase64Encodes() {
        ProduceResult result = produce(toTopic(EmbeddedFormat.BINARY, NONE, NONE,
                entry("\"a2V5\"", "\"dmFsdWU=\""), entry(null, "\"eA==\"")));

        assertArrayEquals("key".getBytes(UTF_8), sink.sent().get(0).key());
        assertArrayEquals("value".getBytes(UTF_8), sink.sent().get(0).value());
        assertNull(sink.sent().get(1).key());
        assertArrayEquals("x".getBytes(UTF_8), sink.sent().get(1).value());
        assertEquals(List.of(RecordOutcome.written(0, 0), RecordOutcome.written(0, 1)), result.offsets());
        assertNull(result.keySchemaId());
        assertNull(result.valueSchemaId());
    }

    @Test
    void textThatIsNotBase64FailsTheWholeRequestWith400AndNothingIsSent() {
        ProxyException e = assertThrows(ProxyException.class, () -> produce(toTopic(EmbeddedFormat.BINARY, NONE, NONE,
                entry(null, "\"eA==\""), entry(null, "\"!!!\""))));

        assertEquals(ProxyError.BAD_REQUEST, e.error());
        assertEquals(400, e.error().httpStatus);
        assertEquals("data=!!! is not a base64 string.", e.getMessage());
        assertTrue(sink.sent().isEmpty());
    }

    @Test
    void jsonKeysAndValuesAreWrittenAsUtf8Json() {
        produce(toTopic(EmbeddedFormat.JSON, NONE, NONE, entry("{\"id\": 7}", "[1, \"é\", null, {\"a\": true}]")));

        assertEquals("{\"id\":7}", new String(sink.sent().get(0).key(), UTF_8));
        assertEquals("[1,\"é\",null,{\"a\":true}]", new String(sink.sent().get(0).value(), UTF_8));
    }

    @Test
    void anAvroValueIsFramedWithItsRegisteredIdFollowedByItsAvroBinaryEncoding() {
        ProduceResult result = produce(toTopic(EmbeddedFormat.AVRO, NONE, new ProduceBatch.SchemaChoice(USER_SCHEMA, null),
                entry(null, "{\"name\": \"x\", \"n\": {\"int\": 3}}")));

        byte[] value = sink.sent().get(0).value();
        ByteBuffer framed = ByteBuffer.wrap(value);
        assertEquals(0, framed.get(), "magic byte");
        assertEquals(result.valueSchemaId(), framed.getInt(), "big-endian schema id");
        byte[] avro = Arrays.copyOfRange(value, 5, value.length);
        // string "x": zig-zag length 1 = 0x02, then the byte; union branch 1 (int) = 0x02; int 3 = zig-zag 0x06
        assertArrayEquals(new byte[] {0x02, 'x', 0x02, 0x06}, avro);
        assertEquals(List.of("t-value"), registry.registeredSubjects());
        assertNull(result.keySchemaId());
    }

    @Test
    void aBareUnionValueIsNotAvroJsonAndIsRefusedWith42203() {
        ProduceBatch batch = toTopic(EmbeddedFormat.AVRO, NONE, new ProduceBatch.SchemaChoice(USER_SCHEMA, null),
                entry(null, "{\"name\": \"x\", \"n\": 3}"));

        assertEquals(ProxyError.JSON_CONVERSION, errorOf(() -> produce(batch)));
        assertTrue(sink.sent().isEmpty());
    }

    @Test
    void avroKeysAndValuesUseTheirOwnSchemasAndBothIdsAreReported() {
        ProduceResult result = produce(toTopic(EmbeddedFormat.AVRO, new ProduceBatch.SchemaChoice("\"int\"", null),
                new ProduceBatch.SchemaChoice("\"string\"", null), entry("-1", "\"hi\"")));

        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) (int) result.keySchemaId(), 0x01}, sink.sent().get(0).key());
        assertArrayEquals(new byte[] {0, 0, 0, 0, (byte) (int) result.valueSchemaId(), 0x04, 'h', 'i'},
                sink.sent().get(0).value());
        assertEquals(List.of("t-key", "t-value"), registry.registeredSubjects());
    }

    @Test
    void aSchemaIdIsUsedAsGivenWithoutRegisteringAnything() {
        int id = registry.register("elsewhere", io.karapace.jvm.schema.SchemaType.AVRO, "\"long\"");
        registry.registeredSubjects().clear();

        ProduceResult result = produce(toTopic(EmbeddedFormat.AVRO, NONE, new ProduceBatch.SchemaChoice(null, id),
                entry(null, "1")));

        assertEquals(id, result.valueSchemaId());
        assertArrayEquals(WireFormat.frame(id, new byte[] {0x02}), sink.sent().get(0).value());
        assertTrue(registry.registeredSubjects().isEmpty());
    }

    @Test
    void avroDataWithoutASchemaForItsSideIs42201ForKeysAnd42202ForValues() {
        ProduceBatch.SchemaChoice string = new ProduceBatch.SchemaChoice("\"string\"", null);

        assertEquals(ProxyError.KEY_SCHEMA_MISSING,
                errorOf(() -> produce(toTopic(EmbeddedFormat.AVRO, NONE, string, entry("\"k\"", "\"v\"")))));
        assertEquals(ProxyError.VALUE_SCHEMA_MISSING,
                errorOf(() -> produce(toTopic(EmbeddedFormat.AVRO, string, NONE, entry("\"k\"", "\"v\"")))));
        assertEquals(42201, ProxyError.KEY_SCHEMA_MISSING.errorCode);
        assertEquals(42202, ProxyError.VALUE_SCHEMA_MISSING.errorCode);
    }

    @Test
    void nullAvroDataNeedsNoSchemaAndIsWrittenAsNull() {
        ProduceResult result = produce(toTopic(EmbeddedFormat.AVRO, NONE, new ProduceBatch.SchemaChoice("\"string\"", null),
                entry(null, "\"v\""), entry("null", null)));

        assertNull(sink.sent().get(0).key());
        assertNull(sink.sent().get(1).value());
        assertNull(result.keySchemaId());
    }

    @Test
    void anInvalidSchemaIs42205() {
        ProduceBatch batch = toTopic(EmbeddedFormat.AVRO, NONE, new ProduceBatch.SchemaChoice("{\"type\": \"nope\"}", null),
                entry(null, "1"));

        assertEquals(ProxyError.INVALID_SCHEMA, errorOf(() -> produce(batch)));
    }

    @Test
    void theRecordNameStrategiesRegisterUnderTheRecordsFullName() {
        ProduceBatch batch = toTopic(EmbeddedFormat.AVRO, NONE, new ProduceBatch.SchemaChoice(USER_SCHEMA, null),
                entry(null, "{\"name\": \"x\", \"n\": null}"));

        service(NameStrategy.RECORD_NAME).produce(batch).join();
        service(NameStrategy.TOPIC_RECORD_NAME).produce(batch).join();

        assertEquals(List.of("ns.User", "t-ns.User"), registry.registeredSubjects());
    }

    @Test
    void theRecordNameStrategiesRefuseASchemaThatIsNoRecord() {
        ProduceBatch batch = toTopic(EmbeddedFormat.AVRO, NONE, new ProduceBatch.SchemaChoice("\"string\"", null),
                entry(null, "\"x\""));

        assertEquals(ProxyError.INVALID_SCHEMA, errorOf(() -> service(NameStrategy.RECORD_NAME).produce(batch)));
        assertTrue(registry.registeredSubjects().isEmpty());
    }

    @Test
    void anUnknownTopicIs40401AndAPartitionOutsideTheTopicIs40402() {
        ProduceBatch unknownTopic = new ProduceBatch("missing", null, EmbeddedFormat.JSON, NONE, NONE,
                List.of(entry(null, "1")));
        ProduceBatch unknownPartition = new ProduceBatch("t", 3, EmbeddedFormat.JSON, NONE, NONE,
                List.of(entry(null, "1")));

        assertEquals(ProxyError.TOPIC_NOT_FOUND, errorOf(() -> produce(unknownTopic)));
        assertEquals(ProxyError.PARTITION_NOT_FOUND, errorOf(() -> produce(unknownPartition)));
        assertTrue(sink.sent().isEmpty());
    }

    @Test
    void producingToAPartitionSendsEveryRecordThereWhateverPartitionTheRecordNames() {
        ProduceBatch batch = new ProduceBatch("t", 2, EmbeddedFormat.JSON, NONE, NONE,
                List.of(new ProduceBatch.Entry(null, TextNode.valueOf("a"), 0), entry(null, "\"b\"")));

        produce(batch);

        assertEquals(List.of(2, 2), sink.sent().stream().map(RecordingSink.Sent::partition).toList());
    }

    @Test
    void producingToTheTopicSendsEachRecordToItsOwnPartitionOrLetsTheProducerChoose() {
        produce(toTopic(EmbeddedFormat.JSON, NONE, NONE,
                new ProduceBatch.Entry(null, TextNode.valueOf("a"), 1), entry(null, "\"b\"")));

        assertEquals(Arrays.asList(1, null), sink.sent().stream().map(RecordingSink.Sent::partition).toList());
    }

    @Test
    void aRecordKafkaRefusesReportsItsOwnErrorWhileTheOthersAreWritten() {
        sink.refuseValue("\"bad\"");

        ProduceResult result = produce(toTopic(EmbeddedFormat.JSON, NONE, NONE,
                entry(null, "\"ok\""), entry(null, "\"bad\""), entry(null, "\"fine\"")));

        assertEquals(RecordOutcome.written(0, 0), result.offsets().get(0));
        RecordOutcome refused = result.offsets().get(1);
        assertNull(refused.partition());
        assertNull(refused.offset());
        assertEquals(50002, refused.errorCode());
        assertEquals("Kafka error: refused by the test", refused.error());
        assertEquals(RecordOutcome.written(0, 2), result.offsets().get(2));
    }

    @Test
    void aRecordNamingAPartitionTheTopicLacksFailsAloneWith40402WithoutBeingSent() {
        ProduceResult result = produce(toTopic(EmbeddedFormat.JSON, NONE, NONE,
                new ProduceBatch.Entry(null, TextNode.valueOf("lost"), 3), entry(null, "\"kept\"")));

        assertEquals(RecordOutcome.failed(ProxyError.PARTITION_NOT_FOUND), result.offsets().get(0));
        assertEquals(40402, result.offsets().get(0).errorCode());
        assertEquals(1, sink.sent().size());
        assertTrue(result.offsets().get(1).succeeded());
    }

    @Test
    void theAnswerCompletesOnlyOnceKafkaHasAnsweredForEveryRecordAndKeepsRequestOrder() {
        sink.holdAnswers();

        CompletableFuture<ProduceResult> answer = service(NameStrategy.TOPIC_NAME).produce(toTopic(EmbeddedFormat.JSON,
                NONE, NONE, entry(null, "1"), entry(null, "2")));

        assertFalse(answer.isDone());
        sink.answerAll();
        assertEquals(List.of(0L, 1L), answer.join().offsets().stream().map(RecordOutcome::offset).toList());
    }

    @Test
    void aRequestWithoutRecordsIs422() {
        assertEquals(ProxyError.UNPROCESSABLE, errorOf(() -> produce(toTopic(EmbeddedFormat.BINARY, NONE, NONE))));
    }

    @Test
    void aJsonSchemaValueIsValidatedThenFramedAsUtf8Json() {
        ProduceBatch.SchemaChoice schema = new ProduceBatch.SchemaChoice(
                "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}", null);

        ProduceResult result = produce(toTopic(EmbeddedFormat.JSONSCHEMA, NONE, schema, entry(null, "{\"n\": 5}")));

        assertArrayEquals(WireFormat.frame(result.valueSchemaId(), "{\"n\":5}".getBytes(UTF_8)), sink.sent().get(0).value());
        assertEquals(ProxyError.JSON_CONVERSION,
                errorOf(() -> produce(toTopic(EmbeddedFormat.JSONSCHEMA, NONE, schema, entry(null, "{\"n\": \"five\"}")))));
    }

    @Test
    void aProtobufValueIsFramedWithTheFirstMessageIndexThenItsBinaryEncoding() {
        ProduceBatch.SchemaChoice schema = new ProduceBatch.SchemaChoice(
                "syntax = \"proto3\"; package ct; message Order { int32 id = 1; string item = 2; }", null);

        ProduceResult result = produce(toTopic(EmbeddedFormat.PROTOBUF, NONE, schema,
                entry(null, "{\"id\": 3, \"item\": \"ab\"}")));

        // field 1 varint (tag 0x08) 3; field 2 length-delimited (tag 0x12) length 2 "ab"
        byte[] payload = {0x08, 0x03, 0x12, 0x02, 'a', 'b'};
        byte[] indexes = {0};
        byte[] expected = WireFormat.frame(result.valueSchemaId(), concat(indexes, payload));
        assertArrayEquals(expected, sink.sent().get(0).value());
        assertEquals(ProxyError.JSON_CONVERSION, errorOf(() -> produce(toTopic(EmbeddedFormat.PROTOBUF, NONE, schema,
                entry(null, "{\"nope\": 1}")))));
    }

    @Test
    void theRecordNameStrategiesUseAJsonSchemasTitleAndAProtobufSchemasFirstMessage() {
        service(NameStrategy.RECORD_NAME).produce(toTopic(EmbeddedFormat.JSONSCHEMA, NONE,
                new ProduceBatch.SchemaChoice("{\"title\":\"Point\",\"type\":\"object\"}", null),
                entry(null, "{}"))).join();
        service(NameStrategy.TOPIC_RECORD_NAME).produce(toTopic(EmbeddedFormat.PROTOBUF, NONE,
                new ProduceBatch.SchemaChoice("syntax = \"proto3\"; package ct; message A { int32 x = 1; }", null),
                entry(null, "{}"))).join();

        assertEquals(List.of("Point", "t-ct.A"), registry.registeredSubjects());
    }

    @Test
    void aSchemaOfAnotherLanguageThanTheFormatIs42205() {
        int avroId = registry.register("t-value", io.karapace.jvm.schema.SchemaType.AVRO, "\"string\"");

        assertEquals(ProxyError.INVALID_SCHEMA, errorOf(() -> produce(toTopic(EmbeddedFormat.JSONSCHEMA, NONE,
                new ProduceBatch.SchemaChoice(null, avroId), entry(null, "\"x\"")))));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
