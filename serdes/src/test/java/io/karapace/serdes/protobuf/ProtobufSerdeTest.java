package io.karapace.serdes.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Timestamp;
import io.karapace.serdes.avro.KafkaAvroSerde;
import io.karapace.serdes.json.KafkaJsonSchemaSerde;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * The Kafka Streams {@code Serde}s (Confluent's {@code KafkaProtobufSerde}, {@code KafkaJsonSchemaSerde},
 * {@code GenericAvroSerde}): configured once, both halves with the same configs and the constructor's class.
 */
class ProtobufSerdeTest {

    private static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "http://unused:1");

    @Test
    void theProtobufSerdeReadsIntoItsClass() {
        try (Serde<Timestamp> serde = new KafkaProtobufSerde<>(new ProtobufWireFormatTest.Registry(), Timestamp.class)) {
            serde.configure(CONFIG, true);
            Timestamp timestamp = Timestamp.newBuilder().setNanos(5).build();

            byte[] bytes = serde.serializer().serialize("t", timestamp);

            assertEquals(timestamp, serde.deserializer().deserialize("t", bytes));
        }
    }

    @Test
    void theJsonSchemaAndAvroSerdesRoundTrip() {
        try (KafkaJsonSchemaSerde<Object> json = new KafkaJsonSchemaSerde<>(new JsonRegistry(), null);
             KafkaAvroSerde avro = new KafkaAvroSerde(new JsonRegistry())) {
            json.configure(CONFIG, false);
            avro.configure(CONFIG, false);

            byte[] bytes = json.serializer().serialize("t", io.karapace.serdes.json.JsonSchemaUtils.envelope("{\"type\":\"integer\"}", 3));

            assertEquals(3, json.deserializer().deserialize("t", bytes));
            assertEquals("x", avro.deserializer().deserialize("t", avro.serializer().serialize("t", "x")));
        }
    }

    /** Remembers schemas by id, any type. */
    private static final class JsonRegistry implements io.karapace.serdes.client.SchemaRegistryClient {
        private final java.util.List<io.karapace.serdes.client.SchemaString> schemas = new java.util.ArrayList<>();

        @Override
        public synchronized int register(String subject, io.karapace.serdes.client.SchemaString schema, boolean normalize) {
            schemas.add(schema);
            return schemas.size();
        }

        @Override
        public int getId(String subject, io.karapace.serdes.client.SchemaString schema, boolean normalize) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized io.karapace.serdes.client.SchemaString getSchemaById(int id) {
            return schemas.get(id - 1);
        }

        @Override
        public io.karapace.serdes.client.SchemaMetadata getLatestSchemaMetadata(String subject) {
            throw new UnsupportedOperationException();
        }
    }
}
