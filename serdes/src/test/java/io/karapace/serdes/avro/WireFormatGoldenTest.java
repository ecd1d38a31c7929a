package io.karapace.serdes.avro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.serdes.avro.fixtures.Payment;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes written by hand from API.md Part F, "Confluent wire format" (byte 0 = magic 0, then the
 * schema id as 4 bytes big-endian, then the payload) and the Avro 1.12 specification's binary encoding
 * (zig-zag varints for int/long and lengths, little-endian IEEE 754 for float/double). Raw bytes for
 * {@code byte[]} values follow Confluent's {@code AbstractKafkaAvroSerializer}.
 */
class WireFormatGoldenTest {

    private static final String RECORD_A = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "http://unused:1");

    private final FakeRegistry registry = new FakeRegistry(7);
    private final KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry, CONFIG);
    private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry, CONFIG);

    @Test
    void recordWithOneStringFieldAndIdSeven() {
        GenericRecord record = new GenericData.Record(new Schema.Parser().parse(RECORD_A));
        record.put("a", "x");

        byte[] bytes = serializer.serialize("t", record);

        // 00 magic | 00 00 00 07 id 7 | 02 string length 1 (zig-zag) | 78 'x'
        assertEquals("00000000070278", hex(bytes));
        GenericRecord read = (GenericRecord) deserializer.deserialize("t", bytes);
        assertEquals("x", read.get("a").toString());
    }

    @Test
    void theIdIsFourBytesBigEndian() {
        FakeRegistry big = new FakeRegistry(0x01020304);
        byte[] bytes = new KafkaAvroSerializer(big, CONFIG).serialize("t", "x");

        assertEquals("00010203040278", hex(bytes));
    }

    @Test
    void primitivesAsConfluentMapsThem() {
        // ids are handed out in order from 7: one subject per schema under TopicNameStrategy
        assertEquals("0000000007" + "02", hex(serializer.serialize("int", 1)));
        assertEquals("0000000008" + "01", hex(serializer.serialize("neg", -1)));
        assertEquals("0000000009" + "8001", hex(serializer.serialize("int64", 64)));
        assertEquals("000000000a" + "04", hex(serializer.serialize("long", 2L)));
        assertEquals("000000000b" + "01", hex(serializer.serialize("bool", true)));
        assertEquals("000000000c" + "0000803f", hex(serializer.serialize("float", 1.0f)));
        assertEquals("000000000d" + "000000000000f03f", hex(serializer.serialize("double", 1.0d)));
        assertEquals("000000000e" + "0668c3a9", hex(serializer.serialize("string", "hé")));
        // bytes are written raw after the header, with no Avro length prefix
        assertEquals("000000000f" + "010203", hex(serializer.serialize("bytes", new byte[] {1, 2, 3})));
        assertEquals("0000000010" + "0405", hex(serializer.serialize("buffer", ByteBuffer.wrap(new byte[] {4, 5}))));
    }

    @Test
    void primitivesReadBackAsJavaValues() {
        assertEquals(1, deserializer.deserialize("t", serializer.serialize("int", 1)));
        assertEquals(2L, deserializer.deserialize("t", serializer.serialize("long", 2L)));
        assertEquals(true, deserializer.deserialize("t", serializer.serialize("bool", true)));
        assertEquals(1.5f, deserializer.deserialize("t", serializer.serialize("float", 1.5f)));
        assertEquals(2.5d, deserializer.deserialize("t", serializer.serialize("double", 2.5d)));
        // Confluent turns Avro's Utf8 into String for a string schema
        assertEquals("hé", deserializer.deserialize("t", serializer.serialize("string", "hé")));
        assertArrayEquals(new byte[] {1, 2, 3},
                (byte[]) deserializer.deserialize("t", serializer.serialize("bytes", new byte[] {1, 2, 3})));
    }

    @Test
    void goldenBytesDecodeWithTheSchemaOfTheirId() {
        registry.with("t-value", 42, RECORD_A);

        GenericRecord read = (GenericRecord) deserializer.deserialize("t", bytes("000000002a" + "0678797a"));

        assertEquals("xyz", read.get("a").toString());
    }

    @Test
    void nullStaysNull() {
        assertNull(serializer.serialize("t", null));
        assertNull(deserializer.deserialize("t", null));
    }

    @Test
    void anUnknownMagicByteIsASerializationException() {
        // AbstractKafkaSchemaSerDe: "Unknown magic byte!"
        SerializationException error = assertThrows(SerializationException.class,
                () -> deserializer.deserialize("t", bytes("01000000070278")));
        assertEquals("Unknown magic byte!", error.getMessage());
        assertThrows(SerializationException.class, () -> deserializer.deserialize("t", new byte[0]));
        assertThrows(SerializationException.class, () -> deserializer.deserialize("t", bytes("000000")));
    }

    @Test
    void anUnknownIdIsASerializationException() {
        SerializationException error = assertThrows(SerializationException.class,
                () -> deserializer.deserialize("t", bytes("00000003e7" + "02")));
        assertInstanceOf(io.karapace.serdes.client.RestClientException.class, error.getCause());
    }

    @Test
    void unsupportedJavaTypesAreASerializationException() {
        assertThrows(SerializationException.class, () -> serializer.serialize("t", new Object()));
    }

    @Test
    void specificClassesOutsideAvrosTrustedPackagesAreRefusedWithAHint() {
        KafkaAvroDeserializer specific = new KafkaAvroDeserializer(registry,
                Map.of("schema.registry.url", "http://unused:1", "specific.avro.reader", true));
        byte[] bytes = serializer.serialize("refunds", new io.karapace.serdes.avro.fixtures.Refund("r-1"));

        SerializationException error = assertThrows(SerializationException.class, () -> specific.deserialize("refunds", bytes));
        assertTrue(error.getMessage().contains(KafkaAvroDeserializer.TRUSTED_PACKAGES_PROPERTY), error.getMessage());
    }

    @Test
    void specificRecordsRoundTripWithSpecificAvroReader() {
        TrustedPackages.trust(Payment.class);
        KafkaAvroDeserializer specific = new KafkaAvroDeserializer(registry,
                Map.of("schema.registry.url", "http://unused:1", "specific.avro.reader", true));

        byte[] bytes = serializer.serialize("payments", new Payment("p-1"));

        assertEquals("0000000007" + "06702d31", hex(bytes));
        Payment read = assertInstanceOf(Payment.class, specific.deserialize("payments", bytes));
        assertEquals("p-1", read.getId().toString());
        // without specific.avro.reader the same bytes come back generic
        assertInstanceOf(GenericData.Record.class, deserializer.deserialize("payments", bytes));
    }

    @Test
    void theWriterSchemaIsFetchedOncePerId() {
        byte[] bytes = serializer.serialize("t", "x");
        KafkaAvroDeserializer fresh = new KafkaAvroDeserializer(registry, CONFIG);
        registry.calls.clear();

        fresh.deserialize("t", bytes);
        fresh.deserialize("t", bytes);

        assertEquals(java.util.List.of("schema 7"), registry.calls);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
