package io.karapace.jvm.proxy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.proxy.consumer.FetchedRecord;
import io.karapace.jvm.schema.SchemaType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_AVRO = "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"ns\",\"fields\":["
            + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"n\",\"type\":[\"null\",\"int\"]},"
            + "{\"name\":\"tag\",\"type\":[\"null\",\"string\"]}]}";
    private static final String USER_PROTO = "syntax = \"proto3\";\npackage ns;\n"
            + "message User { string user_name = 1; int32 count = 2; }\n"
            + "message Other { string id = 1; message Inner { int64 big_value = 1; } }\n";
    private static final String OBJECT_SCHEMA = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}";

    private final InMemorySchemaLookup registry = new InMemorySchemaLookup();
    private final RecordingSink sink = new RecordingSink();
    private final RecordDecoder decoder = new RecordDecoder(registry);

    private byte[] producedValue(EmbeddedFormat format, String schema, String valueJson) {
        ProduceBatch.SchemaChoice choice = schema == null ? ProduceBatch.SchemaChoice.NONE
                : new ProduceBatch.SchemaChoice(schema, null);
        new ProduceService(sink, new FixedMetadata(Map.of("t", 1)), registry, InMemorySchemaLookup.PROVIDERS,
                NameStrategy.TOPIC_NAME).produce(new ProduceBatch("t", null, format, ProduceBatch.SchemaChoice.NONE,
                choice, List.of(new ProduceBatch.Entry(null, json(valueJson), null)))).toCompletableFuture().join();
        return sink.sent().get(sink.sent().size() - 1).value();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void binaryIsBase64AndNullStaysNull() {
        assertEquals(json("\"aGk=\""), decoder.decode(EmbeddedFormat.BINARY, "hi".getBytes(UTF_8)));
        assertNull(decoder.decode(EmbeddedFormat.AVRO, null));
    }

    @Test
    void jsonIsTheParsedDocument() {
        byte[] produced = producedValue(EmbeddedFormat.JSON, null, "[1, \"é\", null, {\"a\": true}]");
        assertEquals(json("[1, \"é\", null, {\"a\": true}]"), decoder.decode(EmbeddedFormat.JSON, produced));
    }

    @Test
    void avroRoundTripsWithUnionsWrappedAsConfluentRendersThem() {
        byte[] produced = producedValue(EmbeddedFormat.AVRO, USER_AVRO,
                "{\"name\": \"ann\", \"n\": {\"int\": 3}, \"tag\": null}");
        assertEquals(json("{\"name\": \"ann\", \"n\": {\"int\": 3}, \"tag\": null}"),
                decoder.decode(EmbeddedFormat.AVRO, produced));
    }

    @Test
    void avroFromHandBuiltWireBytesOfAPrimitiveSchema() {
        int id = registry.register("s", SchemaType.AVRO, "\"string\"");
        byte[] payload = {6, 'a', 'b', 'c'};
        assertEquals(json("\"abc\""), decoder.decode(EmbeddedFormat.AVRO, WireFormat.frame(id, payload)));
    }

    @Test
    void jsonSchemaIsThePayloadDocument() {
        byte[] produced = producedValue(EmbeddedFormat.JSONSCHEMA, OBJECT_SCHEMA, "{\"a\": 5}");
        assertEquals(json("{\"a\": 5}"), decoder.decode(EmbeddedFormat.JSONSCHEMA, produced));
    }

    @Test
    void protobufRoundTripsWithJsonFieldNamesAndDefaults() {
        byte[] produced = producedValue(EmbeddedFormat.PROTOBUF, USER_PROTO, "{\"userName\": \"ann\"}");
        assertEquals(json("{\"userName\": \"ann\", \"count\": 0}"), decoder.decode(EmbeddedFormat.PROTOBUF, produced));
    }

    @Test
    void protobufMessageIndexesPickNestedMessages() {
        int id = registry.register("p", SchemaType.PROTOBUF, USER_PROTO);
        byte[] indexes = {4, 2, 0};
        byte[] payload = {8, 42};
        byte[] framed = WireFormat.frame(id, concat(indexes, payload));
        assertEquals(json("{\"bigValue\": \"42\"}"), decoder.decode(EmbeddedFormat.PROTOBUF, framed));
    }

    @Test
    void undecodableDataFailsTheFetchWithAKafkaError() {
        FetchedRecord unframed = new FetchedRecord("t", 0, 7, 0, null, "plain".getBytes(UTF_8), List.of());
        ProxyException e = assertThrows(ProxyException.class, () -> decoder.decode(unframed, EmbeddedFormat.AVRO));
        assertEquals(ProxyError.KAFKA_ERROR, e.error());
        assertTrue(e.getMessage().contains("value for partition t-0 at offset 7"), e.getMessage());
        FetchedRecord unknownId = new FetchedRecord("t", 0, 8, 0, WireFormat.frame(999, new byte[] {0}), null,
                List.of());
        assertEquals(ProxyError.KAFKA_ERROR,
                assertThrows(ProxyException.class, () -> decoder.decode(unknownId, EmbeddedFormat.PROTOBUF)).error());
    }

    @Test
    void aRecordKeepsTopicPartitionAndOffset() {
        FetchedRecord record = new FetchedRecord("t", 2, 9, 0, "k".getBytes(UTF_8), null, List.of());
        assertEquals(new ConsumedRecord("t", json("\"aw==\""), null, 2, 9), decoder.decode(record, EmbeddedFormat.BINARY));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
