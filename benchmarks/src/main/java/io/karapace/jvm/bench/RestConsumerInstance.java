package io.karapace.jvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One consumer instance over Confluent's REST Proxy v2 API, in the binary format. */
final class RestConsumerInstance {
    static final String BINARY = "application/vnd.kafka.binary.v2+json";

    private final Http http;
    private final String path;

    private RestConsumerInstance(Http http, String path) {
        this.http = http;
        this.path = path;
    }

    /** Thrown when the server does not offer v2 consumers (yet): the scenario reports "not available". */
    static final class NotAvailable extends Exception {
        NotAvailable(String message) {
            super(message);
        }
    }

    static RestConsumerInstance create(Http http, String group, String name, String topic)
            throws IOException, InterruptedException, NotAvailable {
        Http.Answer created = http.post("/consumers/" + group, Http.KAFKA_JSON, Map.of("name", name, "format", "binary",
                "auto.offset.reset", "earliest", "auto.commit.enable", "false"));
        if (created.status() == 404 || created.status() == 405) {
            throw new NotAvailable("POST /consumers/{group} answered " + created.status() + ": " + created.body());
        }
        created.expect(200, "creating consumer instance " + name);
        String instance = created.json().get("instance_id").asText();
        RestConsumerInstance consumer = new RestConsumerInstance(http, "/consumers/" + group + "/instances/" + instance);
        Http.Answer subscribed = http.post(consumer.path + "/subscription", Http.KAFKA_JSON,
                Map.of("topics", List.of(topic)));
        if (subscribed.status() != 204 && subscribed.status() != 200) {
            throw new IllegalStateException("subscribing answered " + subscribed.status() + ": " + subscribed.body());
        }
        return consumer;
    }

    /** One GET of records; returns how many came back. */
    int fetch(int timeoutMs) throws IOException, InterruptedException {
        Http.Answer answer = http.get(path + "/records?timeout=" + timeoutMs + "&max_bytes=4194304", BINARY)
                .expect(200, "GET records");
        JsonNode records = answer.json();
        return records.size();
    }

    void delete() throws IOException, InterruptedException {
        http.delete(path, Http.KAFKA_JSON);
    }
}
