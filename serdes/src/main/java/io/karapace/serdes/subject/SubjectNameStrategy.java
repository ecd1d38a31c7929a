package io.karapace.serdes.subject;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Chooses the subject a record's schema is registered and looked up under, as Confluent's
 * {@code io.confluent.kafka.serializers.subject.strategy.SubjectNameStrategy} does. One deviation:
 * it takes Avro's {@link Schema}, not Confluent's {@code ParsedSchema}, as only Avro serdes exist yet.
 */
public interface SubjectNameStrategy extends Configurable {

    String subjectName(String topic, boolean isKey, Schema schema);

    @Override
    default void configure(Map<String, ?> configs) {
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
