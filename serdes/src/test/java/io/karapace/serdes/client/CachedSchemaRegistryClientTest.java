package io.karapace.serdes.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a canned HTTP registry: the REST calls of API.md Part A (GET /schemas/ids/{id},
 * POST /subjects/{s}/versions, POST /subjects/{s}, GET /subjects/{s}/versions/latest), caching, failover
 * across {@code schema.registry.url}, basic auth after {@code basic.auth.credentials.source} (Part F),
 * and Confluent's error JSON as {@code RestClientException(message, status, errorCode)}.
 */
class CachedSchemaRegistryClientTest {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String SCHEMA_JSON = json(Map.of("schema", SCHEMA));

    private final FakeHttpRegistry registry = new FakeHttpRegistry();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void oneHttpCallPerNewId() throws Exception {
        registry.answer("GET /schemas/ids/1", 200, SCHEMA_JSON).answer("GET /schemas/ids/2", 200, SCHEMA_JSON);
        CachedSchemaRegistryClient client = client(registry.url(), Map.of());

        assertEquals(SchemaString.avro(SCHEMA), client.getSchemaById(1));
        client.getSchemaById(1);
        client.getSchemaById(2);
        client.getSchemaById(1);

        assertEquals(1, registry.count("GET /schemas/ids/1"));
        assertEquals(1, registry.count("GET /schemas/ids/2"));
    }

    @Test
    void theSerializedFormatIsCachedApartFromTheText() throws Exception {
        // API.md A.1: format=serialized answers Protobuf's base64 FileDescriptorProto
        registry.answer("GET /schemas/ids/4", 200, json(Map.of("schemaType", "PROTOBUF", "schema", "message M {}")))
                .answer("GET /schemas/ids/4?format=serialized", 200, json(Map.of("schemaType", "PROTOBUF", "schema", "CgFt")));
        CachedSchemaRegistryClient client = client(registry.url(), Map.of());

        assertEquals(new SchemaString("PROTOBUF", "CgFt"), client.getSchemaById(4, SchemaRegistryClient.SERIALIZED));
        assertEquals(new SchemaString("PROTOBUF", "message M {}"), client.getSchemaById(4, null));
        client.getSchemaById(4, SchemaRegistryClient.SERIALIZED);

        assertEquals(1, registry.count("GET /schemas/ids/4?format=serialized"));
        assertEquals(1, registry.count("GET /schemas/ids/4"));
    }

    @Test
    void concurrentCallersOfANewIdShareOneCall() throws Exception {
        registry.answer("GET /schemas/ids/3", 200, SCHEMA_JSON, 200);
        CachedSchemaRegistryClient client = client(registry.url(), Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SchemaString>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> client.getSchemaById(3)));
            }
            for (Future<SchemaString> answer : answers) {
                assertEquals(SCHEMA, answer.get().schema());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, registry.count("GET /schemas/ids/3"));
    }

    @Test
    void registerPostsTheSchemaOnceAndRemembersItsId() throws Exception {
        registry.answer("POST /subjects/orders-value/versions", 200, "{\"id\":12}");
        CachedSchemaRegistryClient client = client(registry.url(), Map.of());

        assertEquals(12, client.register("orders-value", SchemaString.avro(SCHEMA), false));
        assertEquals(12, client.register("orders-value", SchemaString.avro(SCHEMA), false));
        assertEquals(SCHEMA, client.getSchemaById(12).schema());

        assertEquals(1, registry.requests.size());
        FakeHttpRegistry.Request request = registry.requests.get(0);
        // Confluent's client sends its vendor type and leaves schemaType out for Avro
        assertEquals("application/vnd.schemaregistry.v1+json", request.header("Content-type"));
        assertEquals(new ObjectMapper().readTree(SCHEMA_JSON), new ObjectMapper().readTree(request.body()));
    }

    @Test
    void lookupLatestAndSubjectEncoding() throws Exception {
        registry.answer("POST /subjects/a%2Fb%20c?normalize=true", 200, "{\"id\":4,\"version\":2,\"subject\":\"a/b c\",\"schema\":\"\\\"string\\\"\"}")
                .answer("GET /subjects/a%2Fb%20c/versions/latest", 200,
                        "{\"id\":5,\"version\":3,\"subject\":\"a/b c\",\"schemaType\":\"JSON\",\"schema\":\"{}\"}");
        CachedSchemaRegistryClient client = client(registry.url(), Map.of());

        assertEquals(4, client.getId("a/b c", SchemaString.avro("\"string\""), true));
        assertEquals(new SchemaMetadata(5, 3, "a/b c", new SchemaString("JSON", "{}")), client.getLatestSchemaMetadata("a/b c"));
    }

    @Test
    void failsOverToTheNextUrlWhenOneCannotBeReached() throws Exception {
        registry.answer("GET /schemas/ids/1", 200, SCHEMA_JSON).answer("GET /schemas/ids/2", 200, SCHEMA_JSON);
        CachedSchemaRegistryClient client = client(closedUrl() + "," + registry.url(), Map.of());

        assertEquals(SCHEMA, client.getSchemaById(1).schema());
        assertEquals(SCHEMA, client.getSchemaById(2).schema());
        assertEquals(2, registry.requests.size());
    }

    @Test
    void noReachableUrlIsAnIOException() throws IOException {
        CachedSchemaRegistryClient client = client(closedUrl() + "," + closedUrl(), Map.of());

        assertThrows(IOException.class, () -> client.getSchemaById(1));
    }

    @Test
    void userInfoSourceSendsBasicAuthToEveryUrl() throws Exception {
        registry.answer("GET /schemas/ids/1", 200, SCHEMA_JSON);
        client(registry.url(), Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "alice:s3cret"))
                .getSchemaById(1);

        assertEquals("Basic " + base64("alice:s3cret"), registry.requests.get(0).header("Authorization"));
    }

    @Test
    void urlSourceTakesTheUserInfoOfTheUrl() throws Exception {
        registry.answer("GET /schemas/ids/1", 200, SCHEMA_JSON).answer("GET /schemas/ids/2", 200, SCHEMA_JSON);
        client("http://bob:pw%40x@127.0.0.1:" + registry.port(), Map.of()).getSchemaById(1);
        client(registry.url(), Map.of("basic.auth.credentials.source", "URL")).getSchemaById(2);

        assertEquals("Basic " + base64("bob:pw@x"), registry.requests.get(0).header("Authorization"));
        assertNull(registry.requests.get(1).header("Authorization"));
    }

    @Test
    void errorJsonBecomesARestClientExceptionAndIsNotCached() throws IOException {
        registry.answer("GET /schemas/ids/9", 404, "{\"error_code\":40403,\"message\":\"Schema 9 not found\"}");
        CachedSchemaRegistryClient client = client(registry.url(), Map.of());

        RestClientException error = assertThrows(RestClientException.class, () -> client.getSchemaById(9));
        assertThrows(RestClientException.class, () -> client.getSchemaById(9));

        assertEquals(404, error.getStatus());
        assertEquals(40403, error.getErrorCode());
        assertEquals("Schema 9 not found; error code: 40403", error.getMessage());
        assertEquals(2, registry.count("GET /schemas/ids/9"));
    }

    @Test
    void anErrorWithoutErrorJsonKeepsItsStatus() throws IOException {
        registry.answer("GET /schemas/ids/9", 502, "<html>bad gateway</html>");

        RestClientException error = assertThrows(RestClientException.class,
                () -> client(registry.url(), Map.of()).getSchemaById(9));

        assertEquals(502, error.getStatus());
        assertEquals(RestClientException.UNPARSABLE_ERROR_CODE, error.getErrorCode());
    }

    private static CachedSchemaRegistryClient client(String urls, Map<String, ?> configs) {
        return new CachedSchemaRegistryClient(List.of(urls.split(",")), 100, configs);
    }

    private static String closedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
