package io.karapace.jvm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    private static final int BLOCKED = 2 * HttpServer.CORE_THREADS;

    @Path("/")
    @Produces("text/plain")
    public static final class Waiting {
        final CountDownLatch entered = new CountDownLatch(BLOCKED);
        final CountDownLatch release = new CountDownLatch(1);

        @GET
        @Path("slow")
        public String slow() throws InterruptedException {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            return "slow";
        }

        @GET
        @Path("fast")
        public String fast() {
            return "fast";
        }
    }

    @Test
    void requestsWaitingOnKafkaDoNotHoldUpTheOthers() throws Exception {
        Waiting resource = new Waiting();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (HttpServer server = HttpServer.start("127.0.0.1", 0, 1024, List.of(resource))) {
            URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
            for (int i = 0; i < BLOCKED; i++) {
                client.sendAsync(HttpRequest.newBuilder(base.resolve("slow")).build(), HttpResponse.BodyHandlers.discarding());
            }
            assertTrue(resource.entered.await(10, TimeUnit.SECONDS), "all slow requests are being handled at once");

            HttpResponse<String> fast = client.send(HttpRequest.newBuilder(base.resolve("fast"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("fast", fast.body());
        } finally {
            resource.release.countDown();
        }
    }
}
