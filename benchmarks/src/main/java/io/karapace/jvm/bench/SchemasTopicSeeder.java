package io.karapace.jvm.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes SCHEMA records in Confluent's `_schemas` layout straight to a topic: subjects of 10 versions each,
 * every schema a distinct Avro record, except that every fifth record reuses the schema (and id) of the same
 * version of the previous subject, as a schema shared by two subjects is stored.
 */
final class SchemasTopicSeeder {
    private SchemasTopicSeeder() {
    }

    /** Writes {@code count} records; returns how many distinct schemas (ids) they hold. */
    static int seed(KafkaProducer<byte[], byte[]> producer, String topic, int count) {
        int[] idOfRecord = new int[count];
        int nextId = 1;
        for (int i = 0; i < count; i++) {
            String subject = "startup-" + (i / 10) + "-value";
            int version = i % 10 + 1;
            boolean shared = i >= 10 && i % 5 == 4;
            int id = shared ? idOfRecord[i - 10] : nextId++;
            idOfRecord[i] = id;
            producer.send(new ProducerRecord<>(topic, key(subject, version), value(subject, version, id)));
        }
        producer.flush();
        return nextId - 1;
    }

    static byte[] key(String subject, int version) {
        return ("{\"keytype\":\"SCHEMA\",\"subject\":" + Http.JSON.valueToTree(subject) + ",\"version\":" + version
                + ",\"magic\":1}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(String subject, int version, int id) {
        ObjectNode value = Http.JSON.createObjectNode();
        value.put("subject", subject).put("version", version).put("id", id).put("schema", schema(id))
                .put("deleted", false);
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A distinct Avro record per id, about 230 characters. */
    static String schema(int id) {
        return "{\"type\":\"record\",\"name\":\"Startup" + id + "\",\"namespace\":\"io.karapace.bench\",\"fields\":["
                + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"name\",\"type\":\"string\"},"
                + "{\"name\":\"f" + (id % 97) + "\",\"type\":[\"null\",\"int\"],\"default\":null}]}";
    }
}
