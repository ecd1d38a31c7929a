package io.karapace.serdes.subject;

import org.apache.avro.Schema;

/** The default: {@code <topic>-key} for keys, {@code <topic>-value} for values. */
public class TopicNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + (isKey ? "-key" : "-value");
    }

    @Override
    public String subjectName(String topic, boolean isKey, String schemaType, String recordName) {
        return topic + (isKey ? "-key" : "-value");
    }
}
