package io.karapace.jvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small JSON calls for seeding and for the consumer scenarios; HTTP/1.1 only (Grizzly mishandles h2c upgrades). */
public final class Http {
    public static final String REGISTRY_JSON = "application/vnd.schemaregistry.v1+json";
    public static final String KAFKA_JSON = "application/vnd.kafka.v2+json";
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = newClient();
    private final String baseUri;

    public Http(String baseUri) {
        this.baseUri = baseUri;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (status " + status + "): " + body, e);
            }
        }

        public Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + " answered " + status + ": " + body);
            }
            return this;
        }
    }

    public Answer get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
    }

    public Answer post(String path, String contentType, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .header("Accept", contentType.startsWith("application/vnd.kafka") ? KAFKA_JSON : REGISTRY_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Answer put(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", REGISTRY_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Answer delete(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).DELETE());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private URI uri(String path) {
        return URI.create(baseUri + path);
    }

    static String text(Object body) throws IOException {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }
}
