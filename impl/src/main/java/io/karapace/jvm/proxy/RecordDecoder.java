package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Descriptors.Descriptor;
import io.karapace.jvm.proxy.consumer.FetchedRecord;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.avro.AvroParsedSchema;
import io.karapace.jvm.schema.json.JsonParsedSchema;
import io.karapace.jvm.schema.protobuf.ProtobufParsedSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * Renders consumed keys and values as Confluent's v2 proxy does for each embedded format: binary as base64,
 * json as the JSON itself, and the schema formats (Confluent wire format, writer schema by id) as Avro's
 * JSON encoding, the JSON Schema payload, or Protobuf's JSON mapping.
 *
 * <p>Data that does not decode fails the whole fetch with 50002, as a deserializer error in Confluent's
 * consumer does; the client can seek past the record.
 */
public final class RecordDecoder {
    private static final ObjectMapper READER = new ObjectMapper();

    private final SchemaLookup schemas;

    public RecordDecoder(SchemaLookup schemas) {
        this.schemas = schemas;
    }

    public ConsumedRecord decode(FetchedRecord record, EmbeddedFormat format) {
        return new ConsumedRecord(record.topic(), side(record, "key", record.key(), format),
                side(record, "value", record.value(), format), record.partition(), record.offset());
    }

    private JsonNode side(FetchedRecord record, String side, byte[] data, EmbeddedFormat format) {
        try {
            return decode(format, data);
        } catch (IllegalArgumentException | ProxyException e) {
            throw ProxyError.KAFKA_ERROR.exception("Error deserializing " + side + " for partition "
                    + record.topic() + "-" + record.partition() + " at offset " + record.offset() + ": "
                    + e.getMessage());
        }
    }

    /** The JSON for one side's bytes in the format; null for null data. */
    public JsonNode decode(EmbeddedFormat format, byte[] data) {
        if (data == null) {
            return null;
        }
        return switch (format) {
            case BINARY -> TextNode.valueOf(Base64.getEncoder().encodeToString(data));
            case JSON -> json(data);
            case AVRO -> AvroJson.fromBinary(WireFormat.payload(framed(data)),
                    schema(data, AvroParsedSchema.class).avroSchema());
            case JSONSCHEMA -> {
                schema(data, JsonParsedSchema.class);
                yield json(WireFormat.payload(data));
            }
            case PROTOBUF -> protobuf(data, schema(data, ProtobufParsedSchema.class));
        };
    }

    private static JsonNode protobuf(byte[] data, ProtobufParsedSchema schema) {
        ByteBuffer buffer = ByteBuffer.wrap(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH);
        Descriptor message = MessageIndexes.read(buffer, schema.fileDescriptor());
        return ProtobufJson.fromBinary(Arrays.copyOfRange(data, buffer.position(), data.length), message);
    }

    private <T extends ParsedSchema> T schema(byte[] data, Class<T> expected) {
        int id = WireFormat.schemaId(framed(data));
        ParsedSchema schema = schemas.schemaById(id);
        if (!expected.isInstance(schema)) {
            throw new IllegalArgumentException("schema " + id + " is " + schema.type() + ", not the consumer's format");
        }
        return expected.cast(schema);
    }

    private static byte[] framed(byte[] data) {
        if (!WireFormat.isFramed(data)) {
            throw new IllegalArgumentException("Unknown magic byte!");
        }
        return data;
    }

    private static JsonNode json(byte[] data) {
        JsonNode parsed;
        try {
            parsed = READER.readTree(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (parsed == null || parsed.isMissingNode()) {
            throw new IllegalArgumentException("not JSON: no content");
        }
        return parsed;
    }
}
