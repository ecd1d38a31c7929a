package io.karapace.jvm.conformance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Plain, thread-safe HTTP calls to a group of nodes, for tests that load several nodes at once
 * from many threads. A connection failure answers status -1 instead of throwing.
 */
public final class ClusterCalls {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** One answer; {@code status} -1 when the node could not be reached. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Answer get(ServerProcess node, String path) {
        return send(node, HttpRequest.newBuilder(URI.create(node.baseUri() + path)).GET());
    }

    /** The value of one header of a GET answer (null when absent). */
    public String header(ServerProcess node, String path, String name) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(node.baseUri() + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue(name).orElse(null);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Answer delete(ServerProcess node, String path) {
        return send(node, HttpRequest.newBuilder(URI.create(node.baseUri() + path)).DELETE());
    }

    public Answer post(ServerProcess node, String path, String body) {
        return send(node, HttpRequest.newBuilder(URI.create(node.baseUri() + path)).header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer put(ServerProcess node, String path, String body) {
        return send(node, HttpRequest.newBuilder(URI.create(node.baseUri() + path)).header("Content-Type", CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code {"schema": schema}} as a JSON body. */
    public static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    public JsonNode health(ServerProcess node) {
        Answer answer = get(node, "/_health");
        return answer.status() == 200 ? answer.json().get("status") : JSON.createObjectNode();
    }

    /** The nodes whose /_health says they are primary. */
    public List<ServerProcess> primaries(List<ServerProcess> nodes) {
        return nodes.stream().filter(n -> health(n).path("schema_registry_is_primary").asBoolean(false)).toList();
    }

    /**
     * Waits (polling, up to a generous deadline) until exactly one node is primary and every node names it,
     * and returns that node.
     */
    public ServerProcess awaitOnePrimary(List<ServerProcess> nodes, Duration deadline) {
        return await(() -> {
            List<ServerProcess> primaries = primaries(nodes);
            if (primaries.size() != 1) {
                return Optional.empty();
            }
            String url = primaries.get(0).baseUri();
            boolean agreed = nodes.stream().allMatch(n -> url.equals(health(n).path("schema_registry_primary_url")
                    .asText(null)));
            return agreed ? Optional.of(primaries.get(0)) : Optional.empty();
        }, deadline, "exactly one primary that every node names");
    }

    public static <T> T await(java.util.function.Supplier<Optional<T>> probe, Duration deadline, String what) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            pause(100);
        }
        throw new AssertionError("not reached within " + deadline.toSeconds() + " s: " + what);
    }

    public static void awaitTrue(java.util.function.BooleanSupplier probe, Duration deadline, String what) {
        await(() -> probe.getAsBoolean() ? Optional.of(true) : Optional.empty(), deadline, what);
    }

    public static Predicate<Answer> status(int expected) {
        return a -> a.status() == expected;
    }

    private Answer send(ServerProcess node, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
