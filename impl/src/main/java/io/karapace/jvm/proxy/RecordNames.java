package io.karapace.jvm.proxy;

import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.avro.AvroParsedSchema;
import io.karapace.jvm.schema.json.JsonParsedSchema;
import io.karapace.jvm.schema.protobuf.ProtobufParsedSchema;
import org.apache.avro.Schema;

/**
 * The record name the record name strategies build subjects from, as Confluent's schemas name
 * themselves: an Avro record's full name, a JSON schema's {@code title}, the full name of a Protobuf
 * schema's first message. A schema without one is refused with 42205.
 */
final class RecordNames {
    private RecordNames() {
    }

    static String of(ParsedSchema schema) {
        if (schema instanceof AvroParsedSchema avro && avro.avroSchema().getType() == Schema.Type.RECORD) {
            return avro.avroSchema().getFullName();
        }
        if (schema instanceof JsonParsedSchema json && json.jsonNode().path("title").isTextual()) {
            return json.jsonNode().get("title").textValue();
        }
        if (schema instanceof ProtobufParsedSchema protobuf && protobuf.firstMessage().isPresent()) {
            return protobuf.firstMessage().get().getFullName();
        }
        throw ProxyError.INVALID_SCHEMA.exception("the record name strategies need a named record: an Avro record, "
                + "a JSON schema with a title or a Protobuf message");
    }
}
