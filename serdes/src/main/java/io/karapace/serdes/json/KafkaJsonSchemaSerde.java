package io.karapace.serdes.json;

import io.karapace.serdes.client.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link KafkaJsonSchemaSerializer} and {@link KafkaJsonSchemaDeserializer} as one Kafka Streams {@code Serde},
 * as Confluent's {@code KafkaJsonSchemaSerde}: a class given to the constructor becomes {@code json.key.type}
 * or {@code json.value.type}; without one the configs decide (by default Jackson's plain {@code Map}s).
 */
public class KafkaJsonSchemaSerde<T> implements Serde<T> {

    private final Class<T> specificClass;
    private final KafkaJsonSchemaSerializer<T> serializer;
    private final KafkaJsonSchemaDeserializer<T> deserializer;

    public KafkaJsonSchemaSerde() {
        this(null, null);
    }

    public KafkaJsonSchemaSerde(Class<T> specificClass) {
        this(null, specificClass);
    }

    /** Both halves share the client (null: each builds its own from the configs). */
    public KafkaJsonSchemaSerde(SchemaRegistryClient client, Class<T> specificClass) {
        this.specificClass = specificClass;
        serializer = client == null ? new KafkaJsonSchemaSerializer<>() : new KafkaJsonSchemaSerializer<>(client);
        deserializer = client == null ? new KafkaJsonSchemaDeserializer<>() : new KafkaJsonSchemaDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        Map<String, Object> withType = new HashMap<>(configs);
        if (specificClass != null) {
            withType.put(isKey ? KafkaJsonSchemaDeserializerConfig.JSON_KEY_TYPE : KafkaJsonSchemaDeserializerConfig.JSON_VALUE_TYPE,
                    specificClass);
        }
        deserializer.configure(withType, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
