package io.karapace.serdes.protobuf;

import com.google.protobuf.Message;
import io.karapace.serdes.client.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link KafkaProtobufSerializer} and {@link KafkaProtobufDeserializer} as one Kafka Streams {@code Serde},
 * as Confluent's {@code KafkaProtobufSerde}: a class given to the constructor becomes
 * {@code specific.protobuf.key.type} or {@code specific.protobuf.value.type}; without one the deserializer
 * reads {@code DynamicMessage}s.
 */
public class KafkaProtobufSerde<T extends Message> implements Serde<T> {

    private final Class<T> specificClass;
    private final KafkaProtobufSerializer<T> serializer;
    private final KafkaProtobufDeserializer<T> deserializer;

    public KafkaProtobufSerde() {
        this(null, null);
    }

    public KafkaProtobufSerde(Class<T> specificClass) {
        this(null, specificClass);
    }

    /** Both halves share the client (null: each builds its own from the configs). */
    public KafkaProtobufSerde(SchemaRegistryClient client, Class<T> specificClass) {
        this.specificClass = specificClass;
        serializer = client == null ? new KafkaProtobufSerializer<>() : new KafkaProtobufSerializer<>(client);
        deserializer = client == null ? new KafkaProtobufDeserializer<>() : new KafkaProtobufDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        Map<String, Object> withType = new HashMap<>(configs);
        if (specificClass != null) {
            withType.put(isKey ? KafkaProtobufDeserializerConfig.SPECIFIC_PROTOBUF_KEY_TYPE
                    : KafkaProtobufDeserializerConfig.SPECIFIC_PROTOBUF_VALUE_TYPE, specificClass);
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
