package io.karapace.jvm.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our Avro JSON encoding reads and writes what Avro's own JSON decoder and encoder do. */
class AvroJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORD = """
            {"type":"record","name":"R","namespace":"n","fields":[{"name":"a","type":"int"},
             {"name":"b","type":"string","default":"x"},
             {"name":"tags","type":{"type":"array","items":"string"}},
             {"name":"attrs","type":{"type":"map","values":["null","long"]}}]}""";
    private static final String UNION = """
            ["null","string",{"type":"record","name":"U","namespace":"ns","fields":[{"name":"x","type":"int"}]},
             {"type":"enum","name":"E","symbols":["A","B"]}]""";
    private static final String FIXED = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":2}";
    private static final String ENUM = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"],\"default\":\"A\"}";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(RECORD, "{\"a\":1,\"b\":\"y\",\"tags\":[\"t\",\"u\"],\"attrs\":{\"k\":{\"long\":5},\"z\":null}}"),
                Arguments.of(RECORD, "{\"attrs\":{},\"tags\":[],\"b\":\"y\",\"a\":-7}"),
                Arguments.of(RECORD, "{\"a\":1,\"b\":\"y\",\"tags\":[],\"attrs\":{},\"extra\":{\"d\":[1]}}"),
                Arguments.of(RECORD, "{\"a\":1,\"tags\":[],\"attrs\":{}}"),
                Arguments.of(RECORD, "{\"a\":1,\"b\":\"y\",\"tags\":[1],\"attrs\":{}}"),
                Arguments.of(RECORD, "{\"a\":1,\"b\":\"y\",\"tags\":[],\"attrs\":{\"k\":5}}"),
                Arguments.of(RECORD, "[1]"),
                Arguments.of("\"int\"", "1"), Arguments.of("\"int\"", "1.0"), Arguments.of("\"int\"", "1.5"),
                Arguments.of("\"int\"", "\"1\""), Arguments.of("\"int\"", "3000000000"), Arguments.of("\"int\"", "-2147483648"),
                Arguments.of("\"long\"", "1.0"), Arguments.of("\"long\"", "9223372036854775807"),
                Arguments.of("\"long\"", "99999999999999999999"), Arguments.of("\"long\"", "null"),
                Arguments.of("\"double\"", "1"), Arguments.of("\"double\"", "2.5e-3"), Arguments.of("\"double\"", "\"NaN\""),
                Arguments.of("\"double\"", "\"-Infinity\""), Arguments.of("\"double\"", "\"nan\""), Arguments.of("\"double\"", "true"),
                Arguments.of("\"float\"", "\"Infinity\""), Arguments.of("\"float\"", "1e40"), Arguments.of("\"float\"", "0.1"),
                Arguments.of("\"float\"", "16777217"), Arguments.of("\"float\"", "3.4028235e38"),
                Arguments.of("\"float\"", "-0.0"), Arguments.of("\"double\"", "-0.0"),
                Arguments.of("\"boolean\"", "true"), Arguments.of("\"boolean\"", "1"),
                Arguments.of("\"string\"", "\"h\\u00e9\\u4e16\""), Arguments.of("\"string\"", "1"), Arguments.of("\"string\"", "null"),
                Arguments.of("\"bytes\"", "\"\\u00ff\\u0001\""), Arguments.of("\"bytes\"", "\"\\u0100\""), Arguments.of("\"bytes\"", "[1]"),
                Arguments.of(FIXED, "\"ab\""), Arguments.of(FIXED, "\"abc\""), Arguments.of(FIXED, "12"),
                Arguments.of(ENUM, "\"B\""), Arguments.of(ENUM, "\"C\""), Arguments.of(ENUM, "0"),
                Arguments.of(UNION, "null"), Arguments.of(UNION, "{\"string\":\"a\"}"), Arguments.of(UNION, "{\"ns.U\":{\"x\":1}}"),
                Arguments.of(UNION, "{\"E\":\"B\"}"), Arguments.of(UNION, "{\"U\":{\"x\":1}}"), Arguments.of(UNION, "\"a\""),
                Arguments.of(UNION, "{\"int\":1}"), Arguments.of(UNION, "{\"string\":\"a\",\"x\":1}"), Arguments.of(UNION, "{}"),
                Arguments.of(UNION, "{\"ns.U\":{\"x\":\"no\"}}"),
                Arguments.of("[\"string\",\"null\"]", "null"), Arguments.of("[\"string\",\"int\"]", "null"),
                Arguments.of("{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":\"int\"}}", "[[1,2],[],[3]]"),
                Arguments.of("{\"type\":\"array\",\"items\":\"int\"}", "{}"),
                Arguments.of("{\"type\":\"map\",\"values\":\"int\"}", "{\"a\":1,\"b\":2}"),
                Arguments.of("{\"type\":\"map\",\"values\":\"int\"}", "[]"),
                Arguments.of("\"null\"", "null"), Arguments.of("\"null\"", "1"),
                Arguments.of("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2}", "\"\\u0001\""),
                Arguments.of("{\"type\":\"int\",\"logicalType\":\"date\"}", "19000"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("cases")
    void encodesAsAvrosOwnJsonDecoderDoes(String schemaText, String json) throws IOException {
        Schema schema = new Schema.Parser().parse(schemaText);
        JsonNode datum = JSON.readTree(json);
        byte[] expected;
        try {
            expected = avrosOwn(datum, schema);
        } catch (RuntimeException | IOException refusedByAvro) {
            ProxyException refused = assertThrows(ProxyException.class, () -> AvroJson.toBinary(datum, schema));
            assertEquals(ProxyError.JSON_CONVERSION, refused.error());
            return;
        }
        byte[] ours = AvroJson.toBinary(datum, schema);
        assertEquals(expected.length, ours.length);
        // a map's entries may come in any order; the datum read back must be the same
        assertEquals(read(expected, schema), read(ours, schema));
    }

    static Stream<Arguments> casesAvroAccepts() {
        return cases().filter(arguments -> {
            try {
                avrosOwn(JSON.readTree((String) arguments.get()[1]), new Schema.Parser().parse((String) arguments.get()[0]));
                return true;
            } catch (RuntimeException | IOException refused) {
                return false;
            }
        });
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("casesAvroAccepts")
    void rendersBinaryAsAvrosOwnJsonEncoderDoes(String schemaText, String json) throws IOException {
        Schema schema = new Schema.Parser().parse(schemaText);
        byte[] data = avrosOwn(JSON.readTree(json), schema);

        assertEquals(avrosOwnJson(data, schema), AvroJson.fromBinary(data, schema));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("casesAvroAccepts")
    void truncatedDataIsNotAvroDataOfTheSchema(String schemaText, String json) throws IOException {
        Schema schema = new Schema.Parser().parse(schemaText);
        byte[] data = avrosOwn(JSON.readTree(json), schema);
        if (data.length > 0) {
            byte[] truncated = java.util.Arrays.copyOf(data, data.length - 1);
            assertThrows(IllegalArgumentException.class, () -> AvroJson.fromBinary(truncated, schema));
        }
    }

    private static JsonNode avrosOwnJson(byte[] data, Schema schema) throws IOException {
        Object value = read(data, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
        new GenericDatumWriter<>(schema).write(value, encoder);
        encoder.flush();
        return JSON.readTree(out.toByteArray());
    }

    private static Object read(byte[] data, Schema schema) throws IOException {
        return new GenericDatumReader<>(schema).read(null, DecoderFactory.get().binaryDecoder(data, null));
    }

    private static byte[] avrosOwn(JsonNode datum, Schema schema) throws IOException {
        Object value = new GenericDatumReader<>(schema).read(null,
                DecoderFactory.get().jsonDecoder(schema, datum.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<>(schema).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
