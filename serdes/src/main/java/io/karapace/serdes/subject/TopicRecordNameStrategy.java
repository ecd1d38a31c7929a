package io.karapace.serdes.subject;

import org.apache.avro.Schema;

/** {@code <topic>-<fully-qualified record name>}; only record schemas are accepted. */
public class TopicRecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + SubjectNameStrategy.recordName(schema, isKey, getClass());
    }

    @Override
    public String subjectName(String topic, boolean isKey, String schemaType, String recordName) {
        return topic + "-" + SubjectNameStrategy.recordName(schemaType, recordName, isKey, getClass());
    }
}
