package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karapace.jvm.conformance.avro.Payment;
import io.karapace.jvm.conformance.harness.KafkaHarness;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.conformance.harness.SharedKafka;
import io.karapace.serdes.avro.KafkaAvroDeserializer;
import io.karapace.serdes.avro.KafkaAvroSerializer;
import io.karapace.serdes.client.RestClientException;
import io.karapace.serdes.subject.RecordNameStrategy;
import io.karapace.serdes.subject.TopicRecordNameStrategy;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.ClassSecurityValidator;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The serdes module end to end: a real {@code KafkaProducer} with {@code KafkaAvroSerializer} and a real
 * {@code KafkaConsumer} with {@code KafkaAvroDeserializer}, through the in-process broker, against the
 * server jar. Config names and semantics are those of Confluent's {@code AbstractKafkaSchemaSerDeConfig}
 * (API.md Part F, "Serializer configs"); the framing is API.md Part F, "Confluent wire format".
 */
@ExtendWith(SharedKafka.class)
class AvroSerdesIT {

    private static final String NS = "io.karapace.jvm.conformance.avro";
    private static final String KEY = "{\"type\":\"record\",\"name\":\"OrderKey\",\"namespace\":\"" + NS + "\","
            + "\"fields\":[{\"name\":\"order\",\"type\":\"long\"}]}";
    private static final String V1 = Payment.SCHEMA$.toString();
    private static final String V2 = "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"" + NS + "\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\",\"default\":0.0}]}";
    /** V2 without the default: never registered, so only use.latest.version can write it. */
    private static final String V2_NO_DEFAULT = V2.replace(",\"default\":0.0", "");

    private static ServerProcess server;
    private static RegistryCalls registry;
    private static String bootstrapServers;

    @BeforeAll
    static void start(KafkaHarness kafka) {
        bootstrapServers = kafka.bootstrapServers();
        server = ServerLauncher.on(kafka).start(ServerLauncher.uniqueTopic("serdes"));
        registry = new RegistryCalls(server);
        // Avro 1.11.4+ loads schema-named classes only from trusted packages, as users set with
        // -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.karapace.jvm.conformance.avro
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                ClassSecurityValidator.builder().add(Payment.class.getName()).build()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void keyAndValueRoundTripWithAutoRegisterUnderTopicNameStrategy() throws Exception {
        String topic = newTopic("orders");

        produce(topic, Map.of(), key(7), payment(V2, "p-1", 12.5));

        // TopicNameStrategy (the default): <topic>-key and <topic>-value; auto.register.schemas defaults to true
        int keyId = latestId(topic + "-key");
        int valueId = latestId(topic + "-value");
        ConsumerRecord<byte[], byte[]> raw = consumeRaw(topic).get(0);
        // byte 0 = magic 0, then the schema id as 4 bytes big-endian (API.md Part F)
        assertEquals(0, raw.key()[0]);
        assertEquals(keyId, ByteBuffer.wrap(raw.key(), 1, 4).getInt());
        assertEquals(valueId, ByteBuffer.wrap(raw.value(), 1, 4).getInt());

        ConsumerRecord<Object, Object> record = consume(topic, Map.of()).get(0);
        assertEquals(7L, ((GenericRecord) record.key()).get("order"));
        GenericRecord value = (GenericRecord) record.value();
        assertEquals("p-1", value.get("id").toString());
        assertEquals(12.5, value.get("amount"));
    }

    @Test
    void recordNameAndTopicRecordNameStrategies() throws Exception {
        String topic = newTopic("mixed");
        Map<String, Object> strategies = Map.of("key.subject.name.strategy", RecordNameStrategy.class.getName(),
                "value.subject.name.strategy", TopicRecordNameStrategy.class.getName());

        produce(topic, strategies, key(1), payment(V2, "p-2", 1.0));

        // RecordNameStrategy = fully-qualified record name; TopicRecordNameStrategy = <topic>-<record>
        latestId(NS + ".OrderKey");
        latestId(topic + "-" + NS + ".Payment");
        assertEquals(404, registry.get("/subjects/" + topic + "-value/versions/latest").status());
        ConsumerRecord<Object, Object> record = consume(topic, strategies).get(0);
        assertEquals(1L, ((GenericRecord) record.key()).get("order"));
        assertEquals("p-2", ((GenericRecord) record.value()).get("id").toString());
    }

    @Test
    void primitiveKeysAndValuesRoundTrip() throws Exception {
        String topic = newTopic("primitives");

        produce(topic, Map.of(), "key-1", 42L);

        // a string schema for the key, long for the value (Confluent's AvroSchemaUtils mapping)
        assertEquals("\"string\"", RegistryCalls.json(registry.get("/subjects/" + topic + "-key/versions/latest"))
                .get("schema").asText());
        ConsumerRecord<Object, Object> record = consume(topic, Map.of()).get(0);
        assertEquals("key-1", record.key());
        assertEquals(42L, record.value());
    }

    @Test
    void withoutAutoRegisterAPreRegisteredSchemaIsUsedAndAnUnregisteredOneFails() throws Exception {
        String topic = newTopic("preregistered");
        int id = registry.register(topic + "-value", V1);
        registry.register(topic + "-key", KEY);
        Map<String, Object> noAutoRegister = Map.of("auto.register.schemas", false);

        produce(topic, noAutoRegister, key(3), payment(V1, "p-3", 0));

        assertEquals(id, ByteBuffer.wrap(consumeRaw(topic).get(0).value(), 1, 4).getInt());
        // the lookup (POST /subjects/{s}) answers 404 for a schema not under the subject: Confluent's
        // serializer turns that into a SerializationException, thrown by send()
        assertThrows(SerializationException.class,
                () -> produce(topic, noAutoRegister, key(4), payment(V2, "p-4", 1.0)));
        assertEquals(List.of(1), versions(topic + "-value"));
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchema() throws Exception {
        String topic = newTopic("latest");
        registry.register(topic + "-key", KEY);
        registry.register(topic + "-value", V1);
        int latest = registry.register(topic + "-value", V2);
        Map<String, Object> noAutoRegister = Map.of("auto.register.schemas", false);

        assertThrows(SerializationException.class,
                () -> produce(topic, noAutoRegister, key(5), payment(V2_NO_DEFAULT, "p-5", 2.0)));
        // use.latest.version (with latest.compatibility.strict, default true: the latest must read the record)
        produce(topic, Map.of("auto.register.schemas", false, "use.latest.version", true), key(5),
                payment(V2_NO_DEFAULT, "p-5", 2.0));

        assertEquals(latest, ByteBuffer.wrap(consumeRaw(topic).get(0).value(), 1, 4).getInt());
        assertEquals(2.0, ((GenericRecord) consume(topic, Map.of()).get(0).value()).get("amount"));
    }

    @Test
    void aConsumerOnAnOldSpecificClassReadsRecordsOfANewerCompatibleSchema() throws Exception {
        String topic = newTopic("evolution");
        registry.register(topic + "-value", V1);

        // the producer moves to V2 (adds amount with a default: BACKWARD compatible, so registering works)
        // a string key: with specific.avro.reader every record schema needs its generated class
        // (Confluent's "Could not find class ..."), and OrderKey has none here
        produce(topic, Map.of(), "k-6", payment(V2, "p-6", 9.5));

        assertEquals(List.of(1, 2), versions(topic + "-value"));
        // specific.avro.reader: the old class's schema (V1) is the reader schema, V2 the writer's
        ConsumerRecord<Object, Object> record = consume(topic, Map.of("specific.avro.reader", true)).get(0);
        assertEquals("k-6", record.key());
        Payment payment = assertInstanceOf(Payment.class, record.value());
        assertEquals("p-6", payment.getId().toString());
        // the generic path with an explicit reader schema (KafkaAvroDeserializer.deserialize(topic, bytes, readerSchema))
        GenericRecord generic = (GenericRecord) valueDeserializer(Map.of())
                .deserialize(topic, consumeRaw(topic).get(0).value(), Payment.SCHEMA$);
        assertEquals("p-6", generic.get("id").toString());
        assertNull(generic.getSchema().getField("amount"));
    }

    @Test
    void theRegistryUrlListFailsOverToAUrlThatAnswers() throws Exception {
        String topic = newTopic("failover");
        String unreachable;
        try (ServerSocket socket = new ServerSocket(0)) {
            unreachable = "http://127.0.0.1:" + socket.getLocalPort();
        }
        // schema.registry.url is a list (API.md Part F); a URL that refuses connections is skipped
        Map<String, Object> urls = Map.of("schema.registry.url", unreachable + "," + server.baseUri());

        produce(topic, urls, "k", "v");

        assertEquals("v", consume(topic, urls).get(0).value());
    }

    @Test
    void basicAuthFromUserInfoOrFromTheUrl(@TempDir Path dir, KafkaHarness kafka) throws Exception {
        Path authfile = AuthFiles.write(dir.resolve("auth.json"), List.of("admin"), List.of(AuthFiles.rule("admin", "Write", ".*")));
        try (ServerProcess authenticated = ServerLauncher.on(kafka).start(ServerLauncher.uniqueTopic("serdes-auth"),
                Map.of("registry_authfile", authfile.toString()))) {
            String topic = newTopic("auth");
            String password = AuthFiles.password("admin");
            // basic.auth.credentials.source USER_INFO with basic.auth.user.info
            produce(topic, Map.of("schema.registry.url", authenticated.baseUri(),
                    "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "admin:" + password), "k", 1);
            // basic.auth.credentials.source URL (the default): the URL's user info
            String withUserInfo = authenticated.baseUri().replace("http://", "http://admin:" + password + "@");
            assertEquals(1, consume(topic, Map.of("schema.registry.url", withUserInfo)).get(0).value());

            // no credentials: Karapace answers 401, which reaches the producer as a SerializationException
            SerializationException refused = assertThrows(SerializationException.class,
                    () -> produce(topic, Map.of("schema.registry.url", authenticated.baseUri()), "k", 2L));
            assertEquals(401, ((RestClientException) refused.getCause()).getStatus());
        }
    }

    // --- helpers ---

    private static String newTopic(String purpose) throws Exception {
        String topic = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private static Map<String, Object> serdeConfig(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", server.baseUri());
        config.putAll(extra);
        return config;
    }

    private static void produce(String topic, Map<String, Object> serde, Object key, Object value) throws Exception {
        Map<String, Object> config = serdeConfig(serde);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName());
        try (KafkaProducer<Object, Object> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<Object, Object>> consume(String topic, Map<String, Object> serde) {
        Map<String, Object> config = serdeConfig(serde);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName());
        return poll(topic, config);
    }

    private static List<ConsumerRecord<byte[], byte[]>> consumeRaw(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return poll(topic, config);
    }

    /** The first record of the topic's only partition, read from the beginning without a group. */
    private static <K, V> List<ConsumerRecord<K, V>> poll(String topic, Map<String, Object> config) {
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Instant deadline = Instant.now().plusSeconds(30);
            while (records.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        if (records.isEmpty()) {
            throw new AssertionError("no record on " + topic + " within 30 s");
        }
        return records;
    }

    private static KafkaAvroDeserializer valueDeserializer(Map<String, Object> extra) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(serdeConfig(extra), false);
        return deserializer;
    }

    private static int latestId(String subject) {
        return RegistryCalls.json(RegistryCalls.ok(registry.get("/subjects/" + subject + "/versions/latest"))).get("id").intValue();
    }

    private static List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        RegistryCalls.json(RegistryCalls.ok(registry.get("/subjects/" + subject + "/versions"))).forEach(v -> versions.add(v.intValue()));
        return versions;
    }

    private static GenericRecord key(long order) {
        GenericRecord key = new GenericData.Record(new Schema.Parser().parse(KEY));
        key.put("order", order);
        return key;
    }

    private static GenericRecord payment(String schema, String id, double amount) {
        GenericRecord payment = new GenericData.Record(new Schema.Parser().parse(schema));
        payment.put("id", id);
        if (payment.getSchema().getField("amount") != null) {
            payment.put("amount", amount);
        }
        return payment;
    }
}
