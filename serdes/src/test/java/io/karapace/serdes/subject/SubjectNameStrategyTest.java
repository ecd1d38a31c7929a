package io.karapace.serdes.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * Subject names after API.md Part F, "Serializer configs": TopicNameStrategy = {@code <topic>-key|-value},
 * RecordNameStrategy = the fully-qualified record name, TopicRecordNameStrategy = {@code <topic>-<record>};
 * the record strategies refuse non-record schemas as Confluent's {@code RecordNameStrategy.getRecordName} does.
 */
class SubjectNameStrategyTest {

    private static final Schema RECORD = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.example\",\"fields\":[]}");
    private static final Schema STRING = Schema.create(Schema.Type.STRING);

    @Test
    void topicNameStrategy() {
        TopicNameStrategy strategy = new TopicNameStrategy();

        assertEquals("orders-key", strategy.subjectName("orders", true, RECORD));
        assertEquals("orders-value", strategy.subjectName("orders", false, RECORD));
        assertEquals("orders-value", strategy.subjectName("orders", false, STRING));
    }

    @Test
    void recordNameStrategy() {
        RecordNameStrategy strategy = new RecordNameStrategy();

        assertEquals("com.example.Payment", strategy.subjectName("orders", true, RECORD));
        assertEquals("com.example.Payment", strategy.subjectName("orders", false, RECORD));
    }

    @Test
    void topicRecordNameStrategy() {
        TopicRecordNameStrategy strategy = new TopicRecordNameStrategy();

        assertEquals("orders-com.example.Payment", strategy.subjectName("orders", true, RECORD));
        assertEquals("orders-com.example.Payment", strategy.subjectName("orders", false, RECORD));
    }

    @Test
    void recordStrategiesRefuseNonRecordSchemasNamingTheConfig() {
        SerializationException key = assertThrows(SerializationException.class,
                () -> new RecordNameStrategy().subjectName("orders", true, STRING));
        SerializationException value = assertThrows(SerializationException.class,
                () -> new TopicRecordNameStrategy().subjectName("orders", false, STRING));

        assertEquals("In configuration key.subject.name.strategy = " + RecordNameStrategy.class.getName()
                + ", the message key must only be a record schema", key.getMessage());
        assertEquals("In configuration value.subject.name.strategy = " + TopicRecordNameStrategy.class.getName()
                + ", the message value must only be a record schema", value.getMessage());
    }

    @Test
    void jsonSchemaAndProtobufSchemasAreNamedByTheirRecordName() {
        // the name is Confluent's ParsedSchema.name(): a JSON Schema's title, a Protobuf message's full name
        assertEquals("orders-key", new TopicNameStrategy().subjectName("orders", true, "JSON", null));
        assertEquals("shop.Order", new RecordNameStrategy().subjectName("orders", false, "PROTOBUF", "shop.Order"));
        assertEquals("orders-Payment", new TopicRecordNameStrategy().subjectName("orders", false, "JSON", "Payment"));
        assertThrows(SerializationException.class, () -> new RecordNameStrategy().subjectName("orders", true, "JSON", null));
        SubjectNameStrategy avroOnly = (topic, isKey, schema) -> "fixed";
        assertThrows(SerializationException.class, () -> avroOnly.subjectName("orders", true, "PROTOBUF", "shop.Order"));
    }
}
