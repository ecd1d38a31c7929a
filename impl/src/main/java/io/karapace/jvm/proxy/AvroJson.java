package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Avro data as the REST proxy receives it: Avro's own JSON encoding, where a union value names its
 * branch ({@code {"string": "x"}}) and bytes are ISO-8859-1 text, as Confluent reads it.
 */
public final class AvroJson {

    private AvroJson() {
    }

    /** The Avro binary encoding of the JSON datum; 42203 when the JSON does not fit the schema. */
    public static byte[] toBinary(JsonNode datum, Schema schema) {
        try {
            Object value = new GenericDatumReader<>(schema)
                    .read(null, DecoderFactory.get().jsonDecoder(schema, datum.toString()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<>(schema).write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | AvroRuntimeException e) {
            throw ProxyError.JSON_CONVERSION.exception(e.getMessage());
        }
    }
}
