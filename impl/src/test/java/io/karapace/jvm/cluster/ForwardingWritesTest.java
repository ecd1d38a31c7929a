package io.karapace.jvm.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.karapace.jvm.registry.Mode;
import io.karapace.jvm.registry.RegistryException;
import io.karapace.jvm.registry.Role;
import io.karapace.jvm.registry.SchemaRequest;
import io.karapace.jvm.registry.VersionSpec;
import io.karapace.jvm.registry.WriteOrigin;
import io.karapace.jvm.schema.SchemaReference;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a follower sends to the primary and what it makes of the answer. Sources: API.md B.6 and
 * Part F (same method, path, query and body; Authorization, Accept, X-Request-ID and traceparent
 * passed on; Confluent's {@code X-Forward: true}; the primary's status and error body unchanged;
 * 50003 when the primary cannot be reached).
 */
class ForwardingWritesTest {
    private record Seen(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private HttpServer primary;
    private final AtomicReference<Seen> seen = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer = "{\"id\":7}";
    private final AtomicInteger caughtUp = new AtomicInteger();
    private ForwardingWrites writes;

    @BeforeEach
    void start() throws IOException {
        primary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        primary.createContext("/", exchange -> {
            seen.set(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        primary.start();
        String url = "http://127.0.0.1:" + primary.getAddress().getPort();
        writes = new ForwardingWrites(() -> new Role(Role.Kind.FOLLOWER, 4, url, null), caughtUp::incrementAndGet,
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        primary.stop(0);
    }

    private static final WriteOrigin CALLER = new WriteOrigin(Map.of("authorization", "Basic YTpi",
            "x-request-id", "req-1", "traceparent", "00-abc-def-01", "accept", "application/json"), false);

    @Test
    void aRegistrationTravelsWithItsBodyQueryAndTheCallersHeaders() {
        SchemaRequest request = new SchemaRequest("{\"type\":\"string\"}", "AVRO",
                List.of(new SchemaReference("r", "other", 2)), null, null, null, null);
        assertEquals(7, writes.register("a b/c", request, true, CALLER));
        Seen s = seen.get();
        assertEquals("POST", s.method());
        assertEquals("/subjects/a%20b%2Fc/versions?normalize=true", s.uri());
        assertEquals("{\"schema\":\"{\\\"type\\\":\\\"string\\\"}\",\"schemaType\":\"AVRO\","
                + "\"references\":[{\"name\":\"r\",\"subject\":\"other\",\"version\":2}]}", s.body());
        assertEquals("Basic YTpi", s.header("Authorization"));
        assertEquals("req-1", s.header("X-Request-ID"));
        assertEquals("00-abc-def-01", s.header("traceparent"));
        assertEquals("application/json", s.header("Accept"));
        assertEquals("true", s.header("X-Forward"));
        assertEquals(1, caughtUp.get(), "the follower reads the log to its end before it answers");
    }

    @Test
    void deletesConfigAndModeKeepTheirMethodPathAndQuery() {
        answer = "[1,2]";
        assertEquals(List.of(1, 2), writes.deleteSubject("s", true, WriteOrigin.INTERNAL));
        assertEquals("DELETE /subjects/s?permanent=true", seen.get().method() + " " + seen.get().uri());
        answer = "3";
        assertEquals(3, writes.deleteVersion("s", VersionSpec.LATEST, false, WriteOrigin.INTERNAL));
        assertEquals("DELETE /subjects/s/versions/latest", seen.get().method() + " " + seen.get().uri());
        answer = "{\"mode\":\"IMPORT\"}";
        assertEquals(Mode.IMPORT, writes.updateMode(null, "IMPORT", true, WriteOrigin.INTERNAL));
        assertEquals("PUT /mode?force=true {\"mode\":\"IMPORT\"}",
                seen.get().method() + " " + seen.get().uri() + " " + seen.get().body());
        answer = "{\"compatibilityLevel\":\"FULL\"}";
        assertEquals("FULL", writes.deleteConfig("s", WriteOrigin.INTERNAL).get("compatibilityLevel").asText());
        assertEquals("DELETE /config/s", seen.get().method() + " " + seen.get().uri());
    }

    @Test
    void thePrimarysErrorComesBackWithItsStatusCodeAndMessage() {
        status = 409;
        answer = "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}";
        RegistryException e = assertThrows(RegistryException.class,
                () -> writes.register("s", SchemaRequest.of("\"int\""), false, WriteOrigin.INTERNAL));
        assertEquals(409, e.httpStatus());
        assertEquals(409, e.errorCode());
        assertEquals("Schema being registered is incompatible", e.getMessage());
        assertEquals(0, caughtUp.get(), "nothing was written, nothing to wait for");
    }

    @Test
    void anErrorCodeWeDoNotKnowIsPassedOnAsItIs() {
        status = 422;
        answer = "{\"error_code\":42299,\"message\":\"new in a later Confluent\"}";
        RegistryException e = assertThrows(RegistryException.class,
                () -> writes.deleteMode("s", WriteOrigin.INTERNAL));
        assertEquals(422, e.httpStatus());
        assertEquals(42299, e.errorCode());
    }

    @Test
    void anUnreachablePrimaryIs50003() {
        primary.stop(0);
        RegistryException e = assertThrows(RegistryException.class,
                () -> writes.register("s", SchemaRequest.of("\"int\""), false, WriteOrigin.INTERNAL));
        assertEquals(500, e.httpStatus());
        assertEquals(50003, e.errorCode());
        assertTrue(e.getMessage().startsWith("Error while forwarding the request to the primary"), e.getMessage());
    }

    @Test
    void masterAvailableOfAFollowerAsksThePrimary() {
        answer = "{\"master_available\":true}";
        assertTrue(writes.primaryAvailable());
        assertEquals("GET /master_available", seen.get().method() + " " + seen.get().uri());
    }
}
