package io.karapace.jvm.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.conformance.fixture.HttpResult;
import io.karapace.jvm.conformance.fixture.RegistryHttp;
import io.karapace.jvm.conformance.fixture.SentRequest;
import io.karapace.jvm.conformance.harness.ServerProcess;
import java.util.Map;

/** Plain registry calls for the Java integration tests, over the same transport as the fixtures. */
final class RegistryCalls {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/vnd.schemaregistry.v1+json");

    private final RegistryHttp http;

    RegistryCalls(ServerProcess server) {
        this.http = new RegistryHttp(server.baseUri());
    }

    HttpResult get(String path) {
        return http.send(new SentRequest("GET", path, Map.of(), null));
    }

    HttpResult delete(String path) {
        return http.send(new SentRequest("DELETE", path, Map.of(), null));
    }

    HttpResult put(String path, String field, String value) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put(field, value);
        return http.send(new SentRequest("PUT", path, JSON, body.toString()));
    }

    /** Posts {@code {"schema": schema}}, as register, lookup and compatibility take it. */
    HttpResult post(String path, String schema) {
        return http.send(new SentRequest("POST", path, JSON,
                JsonNodeFactory.instance.objectNode().put("schema", schema).toString()));
    }

    /** Registers the schema and answers its id, failing unless the registry answers 200. */
    int register(String subject, String schema) {
        HttpResult result = post("/subjects/" + subject + "/versions", schema);
        if (result.status() != 200) {
            throw new AssertionError("register under " + subject + " answered " + result.status() + " " + result.body());
        }
        return json(result).get("id").intValue();
    }

    static HttpResult ok(HttpResult result) {
        if (result.status() != 200) {
            throw new AssertionError("expected 200 but was " + result.status() + " " + result.body());
        }
        return result;
    }

    static JsonNode json(HttpResult result) {
        try {
            return MAPPER.readTree(result.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + result.body(), e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
