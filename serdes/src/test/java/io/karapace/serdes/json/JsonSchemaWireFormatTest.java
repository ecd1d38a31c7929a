package io.karapace.serdes.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.serdes.client.SchemaMetadata;
import io.karapace.serdes.client.SchemaRegistryClient;
import io.karapace.serdes.client.SchemaString;
import io.karapace.serdes.subject.RecordNameStrategy;
import io.karapace.serdes.subject.TopicRecordNameStrategy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes from API.md Part F, "Confluent wire format": magic 0, the id as 4 bytes big-endian, then
 * (Confluent's {@code AbstractKafkaJsonSchemaSerializer}) the value as UTF-8 JSON. Configs are Confluent's
 * {@code KafkaJsonSchemaSerializerConfig} / {@code KafkaJsonSchemaDeserializerConfig}.
 */
class JsonSchemaWireFormatTest {

    static final String SCHEMA = "{\"title\":\"Payment\",\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
            + "\"amount\":{\"type\":\"number\"}},\"required\":[\"id\"]}";
    private static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "http://unused:1");

    public static class Payment {
        public String id;
        public double amount;

        public Payment() {
        }

        Payment(String id, double amount) {
            this.id = id;
            this.amount = amount;
        }
    }

    @io.karapace.serdes.annotations.Schema(SCHEMA)
    public static class AnnotatedPayment extends Payment {
        AnnotatedPayment(String id, double amount) {
            super(id, amount);
        }
    }

    /** Ids from 7 in order of registration; records the calls. */
    static final class Registry implements SchemaRegistryClient {
        final List<String> calls = new ArrayList<>();
        final Map<Integer, SchemaString> byId = new HashMap<>();
        final Map<String, SchemaMetadata> latest = new HashMap<>();
        int next = 7;

        @Override
        public int register(String subject, SchemaString schema, boolean normalize) {
            calls.add("register " + subject + " " + schema.schemaType());
            for (Map.Entry<Integer, SchemaString> e : byId.entrySet()) {
                if (e.getValue().equals(schema)) {
                    return e.getKey();
                }
            }
            int id = next++;
            byId.put(id, schema);
            latest.put(subject, new SchemaMetadata(id, 1, subject, schema));
            return id;
        }

        @Override
        public int getId(String subject, SchemaString schema, boolean normalize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SchemaString getSchemaById(int id) {
            calls.add("schema " + id);
            return byId.get(id);
        }

        @Override
        public SchemaMetadata getLatestSchemaMetadata(String subject) {
            calls.add("latest " + subject);
            return latest.get(subject);
        }
    }

    private final Registry registry = new Registry();

    @Test
    void anEnvelopeRegistersItsSchemaAndWritesThePayloadAsUtf8Json() {
        KafkaJsonSchemaSerializer<Object> serializer = new KafkaJsonSchemaSerializer<>(registry, CONFIG);

        byte[] bytes = serializer.serialize("t", JsonSchemaUtils.envelope(SCHEMA, new Payment("é", 1.5)));

        // 00 magic | 00 00 00 07 id | {"id":"é","amount":1.5} in UTF-8 (é = c3 a9)
        assertEquals("0000000007" + HexFormat.of().formatHex("{\"id\":\"é\",\"amount\":1.5}".getBytes(StandardCharsets.UTF_8)),
                HexFormat.of().formatHex(bytes));
        assertEquals(List.of("register t-value JSON"), registry.calls);
        assertEquals(SCHEMA, registry.byId.get(7).schema());
    }

    @Test
    void theDeserializerReadsAJsonNodeByDefaultOrTheConfiguredType() {
        byte[] bytes = new KafkaJsonSchemaSerializer<>(registry, CONFIG).serialize("t", JsonSchemaUtils.envelope(SCHEMA,
                new Payment("p-1", 2.0)));

        // json.value.type defaults to Object: Jackson's plain values (Confluent's AbstractKafkaJsonSchemaDeserializer)
        KafkaJsonSchemaDeserializer<Object> byDefault = new KafkaJsonSchemaDeserializer<>(registry);
        byDefault.configure(CONFIG, false);
        assertEquals(Map.of("id", "p-1", "amount", 2.0), byDefault.deserialize("t", bytes));
        JsonNode node = new KafkaJsonSchemaDeserializer<>(registry, CONFIG, JsonNode.class).deserialize("t", bytes);
        assertEquals("p-1", node.get("id").asText());
        // json.value.type (Confluent's KafkaJsonSchemaDeserializerConfig.JSON_VALUE_TYPE)
        Payment payment = new KafkaJsonSchemaDeserializer<>(registry, CONFIG, Payment.class).deserialize("t", bytes);
        assertEquals(2.0, payment.amount);
        KafkaJsonSchemaDeserializer<Object> keys = new KafkaJsonSchemaDeserializer<>(registry);
        keys.configure(Map.of("schema.registry.url", "http://unused:1", "json.key.type", Payment.class.getName()), true);
        assertInstanceOf(Payment.class, keys.deserialize("t", bytes));
        assertNull(keys.deserialize("t", null));
    }

    @Test
    void failInvalidSchemaValidatesOnSerializeAndDeserialize() {
        Map<String, Object> validating = Map.of("schema.registry.url", "http://unused:1", "json.fail.invalid.schema", true);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode invalid = mapper.createObjectNode().put("amount", "not a number");

        // json.fail.invalid.schema (Confluent: default false) refuses a value that does not conform
        assertThrows(SerializationException.class, () -> new KafkaJsonSchemaSerializer<>(registry, validating)
                .serialize("t", JsonSchemaUtils.envelope(SCHEMA, invalid)));
        byte[] unchecked = new KafkaJsonSchemaSerializer<>(registry, CONFIG).serialize("t", JsonSchemaUtils.envelope(SCHEMA, invalid));
        assertThrows(SerializationException.class,
                () -> new KafkaJsonSchemaDeserializer<>(registry, validating, Object.class).deserialize("t", unchecked));
        assertTrue(new KafkaJsonSchemaDeserializer<>(registry, CONFIG, Object.class).deserialize("t", unchecked) instanceof Map);
    }

    @Test
    void aBarePojoNeedsUseLatestVersion() {
        registry.register("t-value", new SchemaString("JSON", SCHEMA), false);

        assertThrows(SerializationException.class,
                () -> new KafkaJsonSchemaSerializer<>(registry, CONFIG).serialize("t", new Payment("p", 1)));
        byte[] bytes = new KafkaJsonSchemaSerializer<>(registry, Map.of("schema.registry.url", "http://unused:1",
                "auto.register.schemas", false, "use.latest.version", true)).serialize("t", new Payment("p", 1));
        assertEquals(7, bytes[4]);
    }

    @Test
    void anAnnotatedClassRegistersItsSchema() {
        // Confluent's @Schema annotation (io.confluent.kafka.schemaregistry.annotations.Schema) on the value's class
        byte[] bytes = new KafkaJsonSchemaSerializer<>(registry, CONFIG).serialize("t", new AnnotatedPayment("a", 1));

        assertEquals(List.of("register t-value JSON"), registry.calls);
        assertEquals(SCHEMA, registry.byId.get(7).schema());
        assertEquals("a", new KafkaJsonSchemaDeserializer<>(registry, CONFIG, JsonNode.class)
                .deserialize("t", bytes).get("id").asText());
    }

    @Test
    void recordNameStrategiesUseTheTitle() {
        Map<String, Object> config = Map.of("schema.registry.url", "http://unused:1",
                "key.subject.name.strategy", RecordNameStrategy.class.getName(),
                "value.subject.name.strategy", TopicRecordNameStrategy.class.getName());

        new KafkaJsonSchemaSerializer<>(registry, config, true).serialize("t", JsonSchemaUtils.envelope(SCHEMA, new Payment("k", 0)));
        new KafkaJsonSchemaSerializer<>(registry, config, false).serialize("t", JsonSchemaUtils.envelope(SCHEMA, new Payment("v", 0)));

        // Confluent's JsonSchema.name() is the schema's title
        assertEquals(List.of("register Payment JSON", "register t-Payment JSON"), registry.calls);
        assertThrows(SerializationException.class, () -> new KafkaJsonSchemaSerializer<>(registry, config, false)
                .serialize("t", JsonSchemaUtils.envelope("{\"type\":\"object\"}", new Payment("v", 0))));
    }
}
