package io.karapace.jvm.http.proxy;

import io.karapace.jvm.kafka.CallerClients;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code rest_authorization=true} at the HTTP edge (Karapace's kafka_rest_apis/authentication.py and
 * {@code get_user_proxy}): a REST proxy request must carry {@code Authorization: Basic} (its user and
 * password become the SASL login, mechanism {@code sasl_mechanism} or PLAIN) or {@code Bearer} (an
 * OAUTHBEARER token); it is then served with that caller's Kafka clients. Without usable credentials it
 * answers 401 {@code {"message":"Unauthorized"}} with realm "Karapace REST Proxy". Registry paths are
 * left to the registry's own authentication.
 */
@Priority(Priorities.AUTHENTICATION)
public final class RestAuthorizationFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final List<String> PROXY_PATHS = List.of("topics", "brokers", "consumers", "v3");
    private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";

    private final CallerClients<?> callers;
    private final String basicMechanism;

    /** @param saslMechanism {@code sasl_mechanism}; null (or OAUTHBEARER, which takes no password) means PLAIN */
    public RestAuthorizationFilter(CallerClients<?> callers, String saslMechanism) {
        this.callers = callers;
        this.basicMechanism = saslMechanism == null || saslMechanism.equals("OAUTHBEARER") ? "PLAIN" : saslMechanism;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        callers.unbind(); // a binding left by an asynchronous request on this thread must not carry over
        if (!isProxyPath(request.getUriInfo().getPath())) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        CallerClients.Credentials credentials = header == null ? null : credentials(header);
        if (credentials == null) {
            request.abortWith(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Karapace REST Proxy\"")
                    .entity(UNAUTHORIZED).build());
            return;
        }
        callers.bind(header, credentials);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        callers.unbind();
    }

    private static boolean isProxyPath(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        String first = trimmed.contains("/") ? trimmed.substring(0, trimmed.indexOf('/')) : trimmed;
        return PROXY_PATHS.contains(first);
    }

    private CallerClients.Credentials credentials(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = header.substring(0, space);
        String value = header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer") && !value.isEmpty()) {
            return CallerClients.Credentials.bearer(value);
        }
        if (!scheme.equalsIgnoreCase("Basic")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null
                : CallerClients.Credentials.basic(basicMechanism, decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
