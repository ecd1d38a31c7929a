package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import io.karapace.serdes.json.JsonSchemaUtils;
import io.karapace.serdes.json.KafkaJsonSchemaDeserializer;
import io.karapace.serdes.json.KafkaJsonSchemaSerializer;
import io.karapace.serdes.protobuf.KafkaProtobufDeserializer;
import io.karapace.serdes.protobuf.KafkaProtobufSerializer;
import io.karapace.serdes.subject.RecordNameStrategy;
import io.karapace.serdes.subject.TopicRecordNameStrategy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JSON Schema and Protobuf serdes end to end, as {@link AvroSerdesIT} does for Avro: a real
 * {@code KafkaProducer} and {@code KafkaConsumer} through the in-process broker against the server jar.
 * Config names are Confluent's ({@code AbstractKafkaSchemaSerDeConfig}, {@code KafkaJsonSchemaDeserializerConfig},
 * {@code KafkaProtobufDeserializerConfig}); the framing is API.md Part F, "Confluent wire format".
 */
@ExtendWith(SharedKafka.class)
class JsonProtobufSerdesIT {

    private static final String PAYMENT = "{\"title\":\"Payment\",\"type\":\"object\",\"properties\":{"
            + "\"id\":{\"type\":\"string\"},\"amount\":{\"type\":\"number\"}},\"required\":[\"id\"]}";
    private static final String KEY = "{\"title\":\"OrderKey\",\"type\":\"object\",\"properties\":{\"order\":{\"type\":\"integer\"}}}";

    /** shop.Order with the nested messages Line and Note (second in the first: indexes [0, 1]). */
    private static final FileDescriptorProto SHOP = FileDescriptorProto.newBuilder()
            .setName("shop.proto").setPackage("shop").setSyntax("proto3")
            .addMessageType(DescriptorProto.newBuilder().setName("Order")
                    .addNestedType(DescriptorProto.newBuilder().setName("Line")
                            .addField(field("sku", 1, Type.TYPE_STRING)))
                    .addNestedType(DescriptorProto.newBuilder().setName("Note")
                            .addField(field("text", 1, Type.TYPE_STRING))
                            .addField(field("lines", 2, Type.TYPE_MESSAGE).setTypeName(".shop.Order.Line")
                                    .setLabel(Label.LABEL_REPEATED)))
                    .addField(field("id", 1, Type.TYPE_STRING)))
            .build();

    public static class Payment {
        public String id;
        public double amount;
    }

    private static ServerProcess server;
    private static RegistryCalls registry;
    private static String bootstrapServers;
    private static Descriptor note;

    @BeforeAll
    static void start(KafkaHarness kafka) throws Exception {
        bootstrapServers = kafka.bootstrapServers();
        server = ServerLauncher.on(kafka).start(ServerLauncher.uniqueTopic("serdes-json-proto"));
        registry = new RegistryCalls(server);
        note = FileDescriptor.buildFrom(SHOP, new FileDescriptor[0]).findMessageTypeByName("Order").getNestedTypes().get(1);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void jsonSchemaKeyAndValueRoundTripUnderTopicNameStrategy() throws Exception {
        String topic = newTopic("json");
        JsonNode key = JsonSchemaUtils.envelope(KEY, Map.of("order", 7));
        JsonNode value = JsonSchemaUtils.envelope(PAYMENT, Map.of("id", "p-1", "amount", 12.5));

        produce(topic, json(Map.of()), key, value);

        // TopicNameStrategy: <topic>-key and <topic>-value, registered with schemaType JSON (API.md Part F)
        JsonNode latest = RegistryCalls.json(RegistryCalls.ok(registry.get("/subjects/" + topic + "-value/versions/latest")));
        assertEquals("JSON", latest.get("schemaType").asText());
        ConsumerRecord<byte[], byte[]> raw = consumeRaw(topic);
        // magic 0, the id as 4 bytes big-endian, then the value as UTF-8 JSON (Confluent's AbstractKafkaJsonSchemaSerializer)
        assertEquals(0, raw.value()[0]);
        assertEquals(latest.get("id").intValue(), ByteBuffer.wrap(raw.value(), 1, 4).getInt());
        assertEquals(RegistryCalls.json("{\"id\":\"p-1\",\"amount\":12.5}"),
                RegistryCalls.json(new String(raw.value(), 5, raw.value().length - 5, StandardCharsets.UTF_8)));
        assertEquals(latestId(topic + "-key"), ByteBuffer.wrap(raw.key(), 1, 4).getInt());

        // json.value.type reads into a class; json.key.type defaults to Object: Jackson's plain Map
        // (Confluent's KafkaJsonSchemaDeserializerConfig default and AbstractKafkaJsonSchemaDeserializer)
        ConsumerRecord<Object, Object> record = consume(topic, KafkaJsonSchemaDeserializer.class,
                Map.of("json.value.type", Payment.class.getName()));
        assertEquals(Map.of("order", 7), record.key());
        assertEquals(12.5, assertInstanceOf(Payment.class, record.value()).amount);
    }

    @Test
    void jsonSchemaRecordNameStrategiesAndValidation() throws Exception {
        String topic = newTopic("json-names");
        Map<String, Object> strategies = Map.of("key.subject.name.strategy", RecordNameStrategy.class.getName(),
                "value.subject.name.strategy", TopicRecordNameStrategy.class.getName(), "json.fail.invalid.schema", true);

        produce(topic, json(strategies), JsonSchemaUtils.envelope(KEY, Map.of("order", 1)),
                JsonSchemaUtils.envelope(PAYMENT, Map.of("id", "p-2")));

        // RecordNameStrategy: the schema's title (Confluent's JsonSchema.name()); TopicRecordNameStrategy: <topic>-<title>
        latestId("OrderKey");
        latestId(topic + "-Payment");
        assertEquals(404, registry.get("/subjects/" + topic + "-value/versions/latest").status());
        // json.fail.invalid.schema: a value that does not conform fails in send(), nothing is written
        assertThrows(SerializationException.class, () -> produce(topic, json(strategies),
                JsonSchemaUtils.envelope(KEY, Map.of("order", 2)), JsonSchemaUtils.envelope(PAYMENT, Map.of("amount", 1))));
        assertEquals("p-2", ((JsonNode) consume(topic, KafkaJsonSchemaDeserializer.class,
                Map.of("json.fail.invalid.schema", true, "json.value.type", JsonNode.class.getName())).value()).get("id").asText());
    }

    @Test
    void protobufKeyAndValueRoundTripUnderTopicNameStrategy() throws Exception {
        String topic = newTopic("proto");
        Timestamp key = Timestamp.newBuilder().setSeconds(42).build();
        DynamicMessage value = noteMessage("hello", "sku-1");

        produce(topic, protobuf(Map.of()), key, value);

        JsonNode latest = RegistryCalls.json(RegistryCalls.ok(registry.get("/subjects/" + topic + "-value/versions/latest")));
        assertEquals("PROTOBUF", latest.get("schemaType").asText());
        assertTrue(latest.get("schema").asText().contains("message Note"), latest.get("schema").asText());
        ConsumerRecord<byte[], byte[]> raw = consumeRaw(topic);
        // after the id, the message indexes: Note is the second message in the first, [0, 1] = count 2, 0, 1
        // zig-zag (04 00 02); the key's Timestamp is the file's first message, [0] = the single byte 0 (API.md Part F)
        assertEquals(latest.get("id").intValue(), ByteBuffer.wrap(raw.value(), 1, 4).getInt());
        assertEquals(List.of(4, 0, 2), toList(Arrays.copyOfRange(raw.value(), 5, 8)));
        assertEquals(0, raw.key()[5]);
        assertEquals(key, Timestamp.parseFrom(Arrays.copyOfRange(raw.key(), 6, raw.key().length)));

        // no specific type: a DynamicMessage from the registry's format=serialized descriptor;
        // specific.protobuf.key.type: the generated class
        ConsumerRecord<Object, Object> record = consume(topic, KafkaProtobufDeserializer.class,
                Map.of("specific.protobuf.key.type", Timestamp.class.getName()));
        assertEquals(key, record.key());
        DynamicMessage read = assertInstanceOf(DynamicMessage.class, record.value());
        assertEquals("shop.Order.Note", read.getDescriptorForType().getFullName());
        assertEquals(value.toByteString(), read.toByteString());
    }

    @Test
    void protobufRecordNameStrategiesUseTheMessagesFullName() throws Exception {
        String topic = newTopic("proto-names");
        Map<String, Object> strategies = Map.of("key.subject.name.strategy", RecordNameStrategy.class.getName(),
                "value.subject.name.strategy", TopicRecordNameStrategy.class.getName());

        produce(topic, protobuf(strategies), Timestamp.newBuilder().setSeconds(1).build(), noteMessage("n", "s"));

        // Confluent's ProtobufSchema.name() is the message's full name
        latestId("google.protobuf.Timestamp");
        latestId(topic + "-shop.Order.Note");
        DynamicMessage read = (DynamicMessage) consume(topic, KafkaProtobufDeserializer.class, Map.of()).value();
        assertEquals("n", read.getField(read.getDescriptorForType().findFieldByName("text")));
    }

    @Test
    void aWellKnownImportNeedsNoReference() throws Exception {
        String topic = newTopic("proto-import");
        FileDescriptor event = FileDescriptor.buildFrom(FileDescriptorProto.newBuilder()
                .setName("event.proto").setPackage("shop").setSyntax("proto3")
                .addDependency("google/protobuf/timestamp.proto")
                .addMessageType(DescriptorProto.newBuilder().setName("Event")
                        .addField(field("at", 1, Type.TYPE_MESSAGE).setTypeName(".google.protobuf.Timestamp")))
                .build(), new FileDescriptor[] {com.google.protobuf.TimestampProto.getDescriptor()});
        Descriptor type = event.findMessageTypeByName("Event");
        DynamicMessage value = DynamicMessage.newBuilder(type)
                .setField(type.findFieldByName("at"), Timestamp.newBuilder().setSeconds(9).build()).build();

        // the serializer registers no references (a difference from Confluent's, README "Java clients");
        // the server resolves Google's well-known imports itself
        produce(topic, protobuf(Map.of()), null, value);

        assertTrue(RegistryCalls.json(RegistryCalls.ok(registry.get("/subjects/" + topic + "-value/versions/latest")))
                .get("schema").asText().contains("import \"google/protobuf/timestamp.proto\";"));
        DynamicMessage read = (DynamicMessage) consume(topic, KafkaProtobufDeserializer.class, Map.of()).value();
        assertEquals(value.toByteString(), read.toByteString());
    }

    // --- helpers ---

    private static DynamicMessage noteMessage(String text, String sku) {
        Descriptor line = note.findFieldByName("lines").getMessageType();
        return DynamicMessage.newBuilder(note).setField(note.findFieldByName("text"), text)
                .addRepeatedField(note.findFieldByName("lines"),
                        DynamicMessage.newBuilder(line).setField(line.findFieldByName("sku"), sku).build())
                .build();
    }

    private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(Label.LABEL_OPTIONAL);
    }

    private static List<Integer> toList(byte[] bytes) {
        List<Integer> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add((int) b);
        }
        return list;
    }

    private static Map<String, Object> json(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, KafkaJsonSchemaSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaJsonSchemaSerializer.class.getName());
        return config;
    }

    private static Map<String, Object> protobuf(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, KafkaProtobufSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaProtobufSerializer.class.getName());
        return config;
    }

    private static String newTopic(String purpose) throws Exception {
        String topic = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private static void produce(String topic, Map<String, Object> serde, Object key, Object value) throws Exception {
        Map<String, Object> config = new HashMap<>(serde);
        config.put("schema.registry.url", server.baseUri());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static ConsumerRecord<Object, Object> consume(String topic, Class<?> deserializer, Map<String, Object> serde) {
        Map<String, Object> config = new HashMap<>(serde);
        config.put("schema.registry.url", server.baseUri());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, deserializer.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, deserializer.getName());
        return poll(topic, config);
    }

    private static ConsumerRecord<byte[], byte[]> consumeRaw(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return poll(topic, config);
    }

    /** The first record of the topic's only partition, read from the beginning without a group. */
    private static <K, V> ConsumerRecord<K, V> poll(String topic, Map<String, Object> config) {
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
        }
        throw new AssertionError("no record on " + topic + " within 30 s");
    }

    private static int latestId(String subject) {
        return RegistryCalls.json(RegistryCalls.ok(registry.get("/subjects/" + subject + "/versions/latest"))).get("id").intValue();
    }
}
