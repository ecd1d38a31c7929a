package io.karapace.jvm.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameStrategyTest {

    @Test
    void topicNameAppendsKeyOrValueToTheTopic() {
        assertEquals("orders-key", NameStrategy.TOPIC_NAME.subject("orders", true, null));
        assertEquals("orders-value", NameStrategy.TOPIC_NAME.subject("orders", false, null));
        assertFalse(NameStrategy.TOPIC_NAME.needsRecordName());
    }

    @Test
    void recordNameIsTheFullRecordNameForKeysAndValuesAlike() {
        assertEquals("com.acme.Order", NameStrategy.RECORD_NAME.subject("orders", true, "com.acme.Order"));
        assertEquals("com.acme.Order", NameStrategy.RECORD_NAME.subject("orders", false, "com.acme.Order"));
        assertTrue(NameStrategy.RECORD_NAME.needsRecordName());
    }

    @Test
    void topicRecordNameJoinsTopicAndFullRecordName() {
        assertEquals("orders-com.acme.Order", NameStrategy.TOPIC_RECORD_NAME.subject("orders", false, "com.acme.Order"));
    }

    @Test
    void theConfigValuesNameTheStrategies() {
        assertEquals(Optional.of(NameStrategy.TOPIC_NAME), NameStrategy.parse("topic_name"));
        assertEquals(Optional.of(NameStrategy.RECORD_NAME), NameStrategy.parse("record_name"));
        assertEquals(Optional.of(NameStrategy.TOPIC_RECORD_NAME), NameStrategy.parse("topic_record_name"));
        assertEquals(Optional.empty(), NameStrategy.parse("subject_name"));
    }
}
