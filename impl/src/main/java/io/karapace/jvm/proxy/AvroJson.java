package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Avro data as the REST proxy receives and returns it: Avro's own JSON encoding, where a union value names
 * its branch ({@code {"string": "x"}}) and bytes are ISO-8859-1 text, as Confluent reads and writes it.
 */
public final class AvroJson {

    private AvroJson() {
    }

    /** Avro's JSON encoding of binary data written with the schema, unions wrapped, as Confluent renders it. */
    public static JsonNode fromBinary(byte[] data, Schema schema) {
        try {
            return new AvroJsonReader(DecoderFactory.get().binaryDecoder(data, null)).read(schema);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not Avro data of the writer schema: " + e.getMessage(), e);
        }
    }

    /** The Avro binary encoding of the JSON datum; 42203 when the JSON does not fit the schema. */
    public static byte[] toBinary(JsonNode datum, Schema schema) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new AvroJsonWriter(encoder).write(schema, datum);
            encoder.flush();
        } catch (IOException e) {
            throw ProxyError.JSON_CONVERSION.exception(e.getMessage());
        }
        return out.toByteArray();
    }
}
