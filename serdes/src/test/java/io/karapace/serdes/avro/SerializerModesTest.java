package io.karapace.serdes.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import io.karapace.serdes.subject.RecordNameStrategy;
import io.karapace.serdes.subject.TopicNameStrategy;
import io.karapace.serdes.subject.TopicRecordNameStrategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * How the serializer finds the id, after Confluent's {@code AbstractKafkaAvroSerializer}: register when
 * {@code auto.register.schemas} (default true), else {@code use.schema.id}, else the latest version with
 * {@code use.latest.version}, else a lookup; and the config names and defaults of API.md Part F.
 */
class SerializerModesTest {

    private static final String V1 = "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\",\"default\":0.0}]}";
    private static final String INCOMPATIBLE = "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}";

    private final FakeRegistry registry = new FakeRegistry(1);

    @Test
    void defaultsAreConfluents() {
        KafkaAvroDeserializerConfig config = new KafkaAvroDeserializerConfig(Map.of("schema.registry.url", "http://a:1,http://b:2"));

        assertEquals(List.of("http://a:1", "http://b:2"), config.getList("schema.registry.url"));
        assertTrue(config.autoRegisterSchema());
        assertFalse(config.useLatestVersion());
        assertTrue(config.latestCompatibilityStrict());
        assertFalse(config.normalizeSchema());
        assertEquals(-1, config.useSchemaId());
        assertFalse(config.specificAvroReader());
        assertEquals(TopicNameStrategy.class, config.getClass("key.subject.name.strategy"));
        assertEquals(TopicNameStrategy.class, config.getClass("value.subject.name.strategy"));
        assertEquals("URL", config.getString("basic.auth.credentials.source"));
        assertEquals(1000, config.getInt("max.schemas.per.subject"));
    }

    @Test
    void theRegistryUrlIsRequiredAndSaslInheritIsRefused() {
        assertThrows(ConfigException.class, () -> new KafkaAvroSerializer().configure(Map.of(), false));
        assertThrows(ConfigException.class, () -> new KafkaAvroSerializer().configure(
                Map.of("schema.registry.url", "http://a:1", "basic.auth.credentials.source", "SASL_INHERIT"), false));
    }

    @Test
    void autoRegisterRegistersOncePerSubjectAndSchema() {
        KafkaAvroSerializer serializer = serializer(Map.of("normalize.schemas", true), true);

        serializer.serialize("orders", record(V1, "a"));
        serializer.serialize("orders", record(V1, "b"));

        assertEquals(List.of("register orders-key normalize"), registry.calls);
    }

    @Test
    void oneSerializerIsSharedByProducerThreads() throws Exception {
        KafkaAvroSerializer serializer = serializer(Map.of(), false);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<byte[]>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String id = "p-" + i;
                results.add(pool.submit(() -> serializer.serialize("orders", record(V1, id))));
            }
            for (java.util.concurrent.Future<byte[]> result : results) {
                assertEquals(1, idOf(result.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("register orders-value"), registry.calls);
    }

    @Test
    void withoutAutoRegisterTheSchemaIsLookedUpAndAMissingOneFails() {
        registry.with("orders-value", 5, V1);
        KafkaAvroSerializer serializer = serializer(Map.of("auto.register.schemas", false), false);

        assertEquals(5, idOf(serializer.serialize("orders", record(V1, "a"))));
        SerializationException missing = assertThrows(SerializationException.class,
                () -> serializer.serialize("orders", record(V2, "a")));
        assertTrue(missing.getMessage().contains("40403"), missing.getMessage());
        assertEquals(List.of("lookup orders-value", "lookup orders-value"), registry.calls);
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchema() {
        registry.with("orders-value", 9, V2);
        KafkaAvroSerializer serializer = serializer(Map.of("auto.register.schemas", false, "use.latest.version", true), false);

        byte[] bytes = serializer.serialize("orders", record(V2, "a"));

        assertEquals(9, idOf(bytes));
        assertEquals(List.of("latest orders-value"), registry.calls);
    }

    @Test
    void latestCompatibilityStrictRefusesALatestSchemaThatCannotReadTheRecord() {
        registry.with("orders-value", 9, INCOMPATIBLE);
        Map<String, Object> props = Map.of("auto.register.schemas", false, "use.latest.version", true);

        assertThrows(SerializationException.class, () -> serializer(props, false).serialize("orders", record(V1, "a")));
    }

    @Test
    void useSchemaIdWritesThatId() {
        registry.with("anything", 3, V1);
        KafkaAvroSerializer serializer = serializer(Map.of("auto.register.schemas", false, "use.schema.id", 3), false);

        assertEquals(3, idOf(serializer.serialize("orders", record(V1, "a"))));
        assertThrows(SerializationException.class, () -> serializer(Map.of("auto.register.schemas", false,
                "use.schema.id", 3), false).serialize("orders", record(INCOMPATIBLE, 1)));
    }

    @Test
    void strategiesComeFromTheKeyAndValueConfigs() {
        Map<String, Object> props = Map.of("key.subject.name.strategy", RecordNameStrategy.class.getName(),
                "value.subject.name.strategy", TopicRecordNameStrategy.class);

        serializer(props, true).serialize("orders", record(V1, "a"));
        serializer(props, false).serialize("orders", record(V1, "a"));

        assertEquals(List.of("register com.example.Payment", "register orders-com.example.Payment"), registry.calls);
    }

    private KafkaAvroSerializer serializer(Map<String, Object> extra, boolean isKey) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(AbstractKafkaSchemaSerDeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://unused:1");
        return new KafkaAvroSerializer(registry, props, isKey);
    }

    private static GenericRecord record(String schema, Object id) {
        GenericRecord record = new GenericData.Record(new Schema.Parser().parse(schema));
        record.put("id", id);
        if (record.getSchema().getField("amount") != null) {
            record.put("amount", 1.5);
        }
        return record;
    }

    private static int idOf(byte[] bytes) {
        return java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt();
    }
}
