package io.karapace.jvm.proxy.v3;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One v3 produce request.
 *
 * @param partition null lets the producer choose
 * @param key       null when the request has no key
 * @param value     null when the request has no value
 * @param timestamp null for the producer's clock
 */
public record ProduceCommand(String topic, Integer partition, List<RecordWriter.Header> headers, Data key,
                             Data value, Instant timestamp) {

    public ProduceCommand {
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /**
     * A key or value as sent: its type name (BINARY, JSON, STRING, AVRO, JSONSCHEMA, PROTOBUF; null
     * means the proxy picks), the data, and for schema types how to find the schema.
     */
    public record Data(String type, JsonNode data, String subject, String subjectNameStrategy, Integer schemaId,
                       Integer schemaVersion, String schema) {
    }
}
