package io.karapace.serdes.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON over HTTP to the registry's REST API, with failover: a request that cannot reach a URL
 * (connection refused, timeout) is tried on the next one, and the URL that answered is kept for
 * the next requests. An error answer is not retried; it becomes a {@link RestClientException}.
 */
public final class RestService {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** The Accept header Confluent's client sends (its {@code Versions} weights). */
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
            + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUrls;
    private final List<URI> requestUrls;
    private final AtomicInteger current = new AtomicInteger();
    private final HttpClient http;
    private final BasicAuth auth;
    private final Duration readTimeout;

    public RestService(List<String> baseUrls, Map<String, ?> configs) {
        if (baseUrls == null || baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one registry URL is needed");
        }
        this.baseUrls = baseUrls.stream().map(RestService::parse).toList();
        this.requestUrls = this.baseUrls.stream().map(RestService::withoutUserInfo).toList();
        this.auth = BasicAuth.from(configs);
        this.readTimeout = Duration.ofMillis(millis(configs, SchemaRegistryClientConfig.HTTP_READ_TIMEOUT_MS));
        // HTTP/1.1: Grizzly mishandles the h2c upgrade the JDK client offers by default
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(millis(configs, SchemaRegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS)))
                .build();
    }

    public JsonNode get(String path) throws IOException, RestClientException {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) throws IOException, RestClientException {
        return send("POST", path, JSON.writeValueAsBytes(body));
    }

    /** A path segment with reserved characters (such as {@code /} in a subject) percent-encoded. */
    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, byte[] body) throws IOException, RestClientException {
        int start = current.get();
        IOException last = null;
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (start + attempt) % baseUrls.size();
            try {
                JsonNode answer = sendTo(index, method, path, body);
                current.set(index);
                return answer;
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private JsonNode sendTo(int index, String method, String path, byte[] body) throws IOException, RestClientException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(requestUrls.get(index) + path))
                .timeout(readTimeout)
                .header("Accept", ACCEPT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        auth.header(baseUrls.get(index)).ifPresent(value -> request.header("Authorization", value));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during a registry call");
        }
        return answer(response);
    }

    private static JsonNode answer(HttpResponse<byte[]> response) throws RestClientException {
        int status = response.statusCode();
        JsonNode json = readJson(response.body());
        if (status / 100 == 2 && json != null) {
            return json;
        }
        if (json != null && json.hasNonNull("error_code")) {
            throw new RestClientException(json.path("message").asText(""), status, json.get("error_code").asInt());
        }
        throw new RestClientException("Unexpected answer " + status + " from the registry, body: "
                + new String(response.body(), StandardCharsets.UTF_8), status, RestClientException.UNPARSABLE_ERROR_CODE);
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static URI parse(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return URI.create(trimmed);
    }

    private static URI withoutUserInfo(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad registry URL " + url, e);
        }
    }

    private static long millis(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        return value == null ? SchemaRegistryClientConfig.HTTP_TIMEOUT_MS_DEFAULT : Long.parseLong(value.toString().trim());
    }
}
