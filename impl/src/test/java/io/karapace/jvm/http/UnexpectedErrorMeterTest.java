package io.karapace.jvm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class UnexpectedErrorMeterTest {

    @Path("/")
    public static final class Failing {
        @GET
        @Path("broken")
        public String broken() {
            throw new IllegalStateException("a bug");
        }

        @GET
        @Path("broken-later")
        public CompletionStage<String> brokenLater() {
            return CompletableFuture.failedFuture(new ArithmeticException("a later bug"));
        }

        @GET
        @Path("missing")
        public String missing() {
            throw new NotFoundException();
        }
    }

    @Test
    void exceptionsEndingInA5xxAreCountedByClassAndMappedErrorsAreNot() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HttpClient client = HttpClient.newHttpClient();
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, 1024,
                List.of(new Failing(), new UnexpectedErrorMeter(registry)))) {
            URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
            for (String path : List.of("broken", "broken", "broken-later", "missing")) {
                client.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
            }
        }

        // Karapace 6.2.0 src/karapace/core/stats.py: karapace_exceptions_total{exception=<class name>, where}
        assertEquals(2.0, counter(registry, "IllegalStateException").count());
        assertEquals(1.0, counter(registry, "ArithmeticException").count());
        assertNull(registry.find(UnexpectedErrorMeter.NAME).tag("exception", "NotFoundException").counter());
    }

    private static Counter counter(SimpleMeterRegistry registry, String exception) {
        return registry.get(UnexpectedErrorMeter.NAME).tag("exception", exception).tag("where", "http").counter();
    }
}
