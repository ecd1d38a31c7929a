package io.karapace.serdes.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server on loopback that answers canned JSON per "METHOD raw-path" and records each
 * request (method, raw path and query, headers, body).
 */
final class FakeHttpRegistry implements AutoCloseable {

    record Answer(int status, String body, long delayMillis) {
    }

    record Request(String method, String target, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final HttpServer server;

    FakeHttpRegistry() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    FakeHttpRegistry answer(String methodAndTarget, int status, String body) {
        return answer(methodAndTarget, status, body, 0);
    }

    FakeHttpRegistry answer(String methodAndTarget, int status, String body, long delayMillis) {
        answers.put(methodAndTarget, new Answer(status, body, delayMillis));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    int count(String methodAndTarget) {
        AtomicInteger count = counts.get(methodAndTarget);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String key = exchange.getRequestMethod() + " " + target;
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), target, Map.copyOf(exchange.getRequestHeaders()), body));
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Answer answer = answers.getOrDefault(key, new Answer(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}", 0));
        sleep(answer.delayMillis());
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
