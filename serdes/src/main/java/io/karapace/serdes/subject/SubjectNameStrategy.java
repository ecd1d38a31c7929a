package io.karapace.serdes.subject;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Chooses the subject a record's schema is registered and looked up under, as Confluent's
 * {@code io.confluent.kafka.serializers.subject.strategy.SubjectNameStrategy} does. One deviation:
 * it takes Avro's {@link Schema}, or for JSON Schema and Protobuf the schema's type and name, not
 * Confluent's {@code ParsedSchema}.
 */
public interface SubjectNameStrategy extends Configurable {

    String subjectName(String topic, boolean isKey, Schema schema);

    /**
     * The subject of a JSON Schema or Protobuf schema. {@code recordName} is what Confluent's
     * {@code ParsedSchema.name()} answers: a JSON Schema's {@code title}, a Protobuf message's full name;
     * null if the schema has none. Strategies written for Avro only refuse these schemas.
     */
    default String subjectName(String topic, boolean isKey, String schemaType, String recordName) {
        throw new SerializationException(getClass().getName() + " only names subjects of Avro schemas, not " + schemaType);
    }

    @Override
    default void configure(Map<String, ?> configs) {
    }

    /** The record name of a JSON Schema or Protobuf schema, else a {@code SerializationException} naming the config. */
    static String recordName(String schemaType, String recordName, boolean isKey, Class<?> strategy) {
        if (recordName != null) {
            return recordName;
        }
        String config = isKey ? "key.subject.name.strategy" : "value.subject.name.strategy";
        throw new SerializationException("In configuration " + config + " = " + strategy.getName() + ", the message "
                + (isKey ? "key" : "value") + " must have a name (" + ("JSON".equals(schemaType) ? "a title" : "a message") + ")");
    }

    /** The fully-qualified name of a record schema, else a {@code SerializationException} naming the config. */
    static String recordName(Schema schema, boolean isKey, Class<?> strategy) {
        if (schema != null && schema.getType() == Schema.Type.RECORD) {
            return schema.getFullName();
        }
        String config = isKey ? "key.subject.name.strategy" : "value.subject.name.strategy";
        throw new SerializationException("In configuration " + config + " = "
                + strategy.getName() + ", the message " + (isKey ? "key" : "value") + " must only be a record schema");
    }
}
