package io.karapace.serdes.avro;

import io.karapace.serdes.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link KafkaAvroSerializer} and {@link KafkaAvroDeserializer} as one Kafka Streams {@code Serde}
 * (Confluent's {@code GenericAvroSerde}, or {@code SpecificAvroSerde} with {@code specific.avro.reader});
 * both halves get the same configs.
 */
public class KafkaAvroSerde implements Serde<Object> {

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    public KafkaAvroSerde() {
        this(null);
    }

    /** Both halves share this client (null: each builds its own from the configs). */
    public KafkaAvroSerde(SchemaRegistryClient client) {
        serializer = client == null ? new KafkaAvroSerializer() : new KafkaAvroSerializer(client);
        deserializer = client == null ? new KafkaAvroDeserializer() : new KafkaAvroDeserializer(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<Object> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<Object> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
