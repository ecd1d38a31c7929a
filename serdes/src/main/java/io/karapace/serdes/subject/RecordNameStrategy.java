package io.karapace.serdes.subject;

import org.apache.avro.Schema;

/**
 * The record's fully-qualified name, whatever the topic; only record schemas are accepted, as in
 * Confluent's {@code RecordNameStrategy} (its {@code AvroSchema.name()} is null for other types).
 */
public class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return SubjectNameStrategy.recordName(schema, isKey, getClass());
    }

    @Override
    public String subjectName(String topic, boolean isKey, String schemaType, String recordName) {
        return SubjectNameStrategy.recordName(schemaType, recordName, isKey, getClass());
    }
}
