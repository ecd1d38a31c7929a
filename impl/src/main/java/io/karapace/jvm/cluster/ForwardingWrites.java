package io.karapace.jvm.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.registry.Mode;
import io.karapace.jvm.registry.RegistryError;
import io.karapace.jvm.registry.RegistryException;
import io.karapace.jvm.registry.RegistryWrites;
import io.karapace.jvm.registry.Role;
import io.karapace.jvm.registry.SchemaRequest;
import io.karapace.jvm.registry.VersionSpec;
import io.karapace.jvm.registry.WriteOrigin;
import io.karapace.jvm.schema.SchemaReference;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes handed to the primary over HTTP, as Confluent's and Karapace's followers do (API.md B.6):
 * the same method, path, query and body, the caller's Authorization, Accept, X-Request-ID and
 * traceparent, and {@code X-Forward: true} so the primary never forwards it again. The primary's
 * answer comes back as it gave it: a success as the operation's result, an error with its status,
 * error_code and message. Once a forwarded write succeeded this node waits until its own reader has
 * read the log to its end, so the caller reads its write here too. A primary that cannot be reached
 * is 500 / 50003.
 */
public final class ForwardingWrites implements RegistryWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardingWrites.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final Supplier<Role> role;
    private final Runnable catchUp;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param catchUp returns once this node's reader has applied every record in the log now
     */
    public ForwardingWrites(Supplier<Role> role, Runnable catchUp, Duration timeout) {
        this.role = role;
        this.catchUp = catchUp;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, SchemaRequest request, boolean normalize, WriteOrigin origin) {
        String query = normalize ? "?normalize=true" : "";
        return send("POST", "/subjects/" + segment(subject) + "/versions" + query, body(request), origin)
                .path("id").asInt();
    }

    @Override
    public int deleteVersion(String subject, VersionSpec spec, boolean permanent, WriteOrigin origin) {
        return send("DELETE", "/subjects/" + segment(subject) + "/versions/" + version(spec) + permanent(permanent),
                null, origin).asInt();
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent, WriteOrigin origin) {
        JsonNode answer = send("DELETE", "/subjects/" + segment(subject) + permanent(permanent), null, origin);
        List<Integer> versions = new ArrayList<>();
        answer.forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    @Override
    public ObjectNode updateConfig(String subject, ObjectNode update, WriteOrigin origin) {
        return object(send("PUT", scoped("/config", subject), update, origin));
    }

    @Override
    public ObjectNode deleteConfig(String subject, WriteOrigin origin) {
        return object(send("DELETE", scoped("/config", subject), null, origin));
    }

    @Override
    public Mode updateMode(String subject, String mode, boolean force, WriteOrigin origin) {
        ObjectNode body = JSON.createObjectNode().put("mode", mode);
        return mode(send("PUT", scoped("/mode", subject) + (force ? "?force=true" : ""), body, origin));
    }

    @Override
    public Mode deleteMode(String subject, WriteOrigin origin) {
        return mode(send("DELETE", scoped("/mode", subject), null, origin));
    }

    /**
     * Karapace's {@code /master_available}: the primary says whether it is ready; a follower asks the
     * primary; without a primary, or when the primary cannot be reached, false.
     */
    public boolean primaryAvailable() {
        Role current = role.get();
        if (current.kind() != Role.Kind.FOLLOWER) {
            return current.isPrimary();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(current.primaryUrl() + "/master_available"))
                .timeout(timeout).header(WriteOrigin.FORWARDED_HEADER, "true").GET().build();
        try {
            JsonNode answer = parse(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
            return answer != null && answer.path("master_available").asBoolean(false);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes sent to the primary, whatever it answered. */
    public long forwardedWrites() {
        return forwarded.get();
    }

    /** Writes that could not be forwarded: no primary known, or it could not be reached. */
    public long failedForwards() {
        return failed.get();
    }

    private JsonNode send(String method, String pathAndQuery, JsonNode body, WriteOrigin origin) {
        String primary = role.get().primaryUrl();
        if (primary == null) {
            failed.incrementAndGet();
            throw RegistryError.NO_PRIMARY.exception("Leader not known: no primary to forward the request to");
        }
        HttpRequest request = request(primary, method, pathAndQuery, body, origin);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            forwarded.incrementAndGet();
        } catch (IOException e) {
            failed.incrementAndGet();
            LOG.warn("Forwarding {} {} to primary {} failed: {}", method, pathAndQuery, primary, e.toString());
            throw RegistryError.FORWARDING_FAILED.exception("Error while forwarding the request to the primary "
                    + primary + ": " + e.getMessage());
        } catch (InterruptedException e) {
            failed.incrementAndGet();
            Thread.currentThread().interrupt();
            throw RegistryError.FORWARDING_FAILED.exception("Interrupted while forwarding the request to the primary");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw relayed(primary, response.statusCode(), answer);
        }
        if (answer == null) {
            throw RegistryError.FORWARDING_FAILED.exception("The primary " + primary + " answered "
                    + response.statusCode() + " without a JSON body");
        }
        catchUp.run();
        return answer;
    }

    private HttpRequest request(String primary, String method, String pathAndQuery, JsonNode body,
                                WriteOrigin origin) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(primary + pathAndQuery))
                .timeout(timeout)
                .header(WriteOrigin.FORWARDED_HEADER, "true")
                .header("Content-Type", CONTENT_TYPE);
        origin.headers().forEach((name, value) -> {
            if (WriteOrigin.PASSED_HEADERS.contains(name)) {
                builder.header(name, value);
            }
        });
        byte[] bytes = body == null ? new byte[0] : json(body);
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    private static RegistryException relayed(String primary, int status, JsonNode answer) {
        if (answer != null && answer.path("error_code").canConvertToInt()) {
            return RegistryException.relayed(status, answer.get("error_code").asInt(),
                    answer.path("message").asText(""));
        }
        LOG.warn("Primary {} answered {} without an error body", primary, status);
        return RegistryException.relayed(status, status, answer == null ? "HTTP " + status : answer.toString());
    }

    private static ObjectNode body(SchemaRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", request.schema());
        if (request.schemaType() != null) {
            body.put("schemaType", request.schemaType());
        }
        if (!request.references().isEmpty()) {
            var references = body.putArray("references");
            for (SchemaReference ref : request.references()) {
                references.addObject().put("name", ref.name()).put("subject", ref.subject())
                        .put("version", ref.version());
            }
        }
        if (request.metadata() != null) {
            body.set("metadata", request.metadata());
        }
        if (request.ruleSet() != null) {
            body.set("ruleSet", request.ruleSet());
        }
        if (request.version() != null) {
            body.put("version", request.version());
        }
        if (request.id() != null) {
            body.put("id", request.id());
        }
        return body;
    }

    private static String scoped(String base, String subject) {
        return subject == null ? base : base + "/" + segment(subject);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String version(VersionSpec spec) {
        return spec instanceof VersionSpec.Exact exact ? Integer.toString(exact.version()) : "latest";
    }

    private static String permanent(boolean permanent) {
        return permanent ? "?permanent=true" : "";
    }

    private static ObjectNode object(JsonNode answer) {
        if (!answer.isObject()) {
            throw RegistryError.FORWARDING_FAILED.exception("The primary answered " + answer + " where an object was expected");
        }
        return (ObjectNode) answer;
    }

    private static Mode mode(JsonNode answer) {
        return Mode.parse(answer.path("mode").asText()).orElseThrow(() -> RegistryError.FORWARDING_FAILED.exception(
                "The primary answered an unknown mode: " + answer));
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
