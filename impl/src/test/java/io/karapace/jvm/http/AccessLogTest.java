package io.karapace.jvm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karapace.jvm.logging.LogFormat;
import io.karapace.jvm.logging.LogSetup;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessLogTest {
    private final PrintStream stdout = System.out;

    @Path("/")
    public static final class Things {
        @GET
        @Path("things/{name}")
        public String thing(@PathParam("name") String name) {
            return name;
        }
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        LogSetup.apply("INFO", LogFormat.text());
    }

    @Test
    void oneLinePerRequestWithMethodPathRouteStatusAndDuration() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogSetup.apply("INFO", LogFormat.parse("%(name)s %(message)s").orElseThrow());
        AtomicLong clock = new AtomicLong();
        // each read of the clock is 2.5 ms after the previous one: request start, then answer ready
        AccessLog accessLog = new AccessLog(() -> clock.getAndAdd(2_500_000));
        HttpClient client = HttpClient.newHttpClient();
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, 1024, List.of(new Things(), accessLog))) {
            URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
            client.send(HttpRequest.newBuilder(base.resolve("things/app-value")).build(), HttpResponse.BodyHandlers.discarding());
            client.send(HttpRequest.newBuilder(base.resolve("nowhere")).build(), HttpResponse.BodyHandlers.discarding());
        }

        // issue 12: "optional access log ... with method, route, status, duration"
        assertEquals(List.of("access GET /things/app-value (/things/{name}) 200 2.5 ms",
                "access GET /nowhere (unmatched) 404 2.5 ms"), captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("access ")).toList());
    }
}
