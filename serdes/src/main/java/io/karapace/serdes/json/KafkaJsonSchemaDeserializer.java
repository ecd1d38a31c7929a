package io.karapace.serdes.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import io.karapace.serdes.AbstractKafkaSchemaSerDeConfig;
import io.karapace.serdes.RegistryClients;
import io.karapace.serdes.WireFormat;
import io.karapace.serdes.client.BoundedCache;
import io.karapace.serdes.client.RestClientException;
import io.karapace.serdes.client.SchemaRegistryClient;
import io.karapace.serdes.client.SchemaString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent's JSON Schema wire format: checks the magic byte, fetches the writer's schema by id (once
 * per id; it must be a JSON schema), then reads the JSON into {@code json.value.type} / {@code json.key.type}
 * with Jackson, as Confluent's {@code KafkaJsonSchemaDeserializer} does when the schema names no
 * {@code javaType}: {@code Object} (the default) gives {@code Map}s, {@code List}s, strings, numbers and
 * booleans; {@code com.fasterxml.jackson.databind.JsonNode} gives the tree. With
 * {@code json.fail.invalid.schema} the JSON is validated against the writer's schema first.
 */
public class KafkaJsonSchemaDeserializer<T> implements Deserializer<T> {

    private SchemaRegistryClient client;
    private KafkaJsonSchemaDeserializerConfig config;
    private Class<?> type;
    private ObjectMapper mapper;
    private BoundedCache<Integer, String> schemas;
    private BoundedCache<Integer, Schema> validators;

    public KafkaJsonSchemaDeserializer() {
    }

    public KafkaJsonSchemaDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    public KafkaJsonSchemaDeserializer(SchemaRegistryClient client, Map<String, ?> props, Class<T> type) {
        this.client = client;
        Map<String, Object> withType = new java.util.HashMap<>(props);
        withType.put(KafkaJsonSchemaDeserializerConfig.JSON_VALUE_TYPE, type);
        configure(withType, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        config = new KafkaJsonSchemaDeserializerConfig(configs);
        if (client == null) {
            client = RegistryClients.create(config);
        }
        type = config.type(isKey);
        mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, config.failUnknownProperties());
        int capacity = config.getInt(AbstractKafkaSchemaSerDeConfig.MAX_SCHEMAS_PER_SUBJECT_CONFIG);
        schemas = new BoundedCache<>(capacity);
        validators = new BoundedCache<>(capacity);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaJsonSchemaDeserializer is not configured");
        }
        ByteBuffer buffer = WireFormat.open(data);
        int id = WireFormat.schemaId(buffer);
        String schema = schema(id);
        String json = new String(data, buffer.position(), data.length - buffer.position(), StandardCharsets.UTF_8);
        try {
            if (config.failInvalidSchema()) {
                JsonSchemaUtils.validate(validators.get(id, () -> JsonSchemaUtils.compile(schema)), json, id);
            }
            JsonNode node = mapper.readTree(json);
            // Confluent's AbstractKafkaJsonSchemaDeserializer: no type, the JsonNode; Object (the config's default),
            // Jackson's plain Java values (Map, List, String, Number, Boolean, null); another class, that class
            return (T) (type == null ? node : mapper.treeToValue(node, type));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Error deserializing JSON message for id " + id, e);
        } catch (RestClientException e) {
            throw new IllegalStateException(e);
        }
    }

    private String schema(int id) {
        try {
            return schemas.get(id, () -> {
                SchemaString registered = client.getSchemaById(id);
                if (!KafkaJsonSchemaSerializer.SCHEMA_TYPE.equals(registered.schemaType())) {
                    throw new SerializationException("Schema " + id + " is " + registered.schemaType() + ", not JSON");
                }
                return registered.schema();
            });
        } catch (IOException e) {
            throw new SerializationException("Error retrieving JSON schema for id " + id + ": registry unreachable", e);
        } catch (RestClientException e) {
            throw new SerializationException("Error retrieving JSON schema for id " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
    }
}
