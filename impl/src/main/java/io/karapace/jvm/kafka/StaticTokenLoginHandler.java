package io.karapace.jvm.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

/**
 * Hands Kafka's OAUTHBEARER login the static token of {@code sasl_oauth_token} (Karapace sends the
 * configured token as it is). The token travels in the JAAS option {@code token}, which Kafka keeps
 * hidden like a password. When the token is a JWT its {@code sub} and {@code exp} are used, so Kafka's
 * refresh logic sees the real lifetime; otherwise it is treated as long-lived.
 */
public final class StaticTokenLoginHandler implements AuthenticateCallbackHandler {
    static final String TOKEN_OPTION = "token";
    private static final long LONG_LIVED_MS = 365L * 24 * 3600 * 1000;

    private OAuthBearerToken token;

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> entries) {
        Object value = entries.isEmpty() ? null : entries.get(0).getOptions().get(TOKEN_OPTION);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("OAUTHBEARER login needs a token (sasl_oauth_token)");
        }
        this.token = staticToken(text);
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof OAuthBearerTokenCallback tokenCallback) {
                tokenCallback.token(token);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    @Override
    public void close() {
    }

    static OAuthBearerToken staticToken(String value) {
        long now = System.currentTimeMillis();
        JsonNode claims = jwtClaims(value);
        String subject = claims != null && claims.hasNonNull("sub") ? claims.get("sub").asText() : "karapace";
        long lifetime = claims != null && claims.hasNonNull("exp") ? claims.get("exp").asLong() * 1000
                : now + LONG_LIVED_MS;
        return new OAuthBearerToken() {
            @Override
            public String value() {
                return value;
            }

            @Override
            public Set<String> scope() {
                return Set.of();
            }

            @Override
            public long lifetimeMs() {
                return lifetime;
            }

            @Override
            public String principalName() {
                return subject;
            }

            @Override
            public Long startTimeMs() {
                return now;
            }

            @Override
            public String toString() {
                return "OAuthBearerToken(principal=" + subject + ")";
            }
        };
    }

    private static JsonNode jwtClaims(String value) {
        String[] parts = value.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = new ObjectMapper().readTree(new String(json, StandardCharsets.UTF_8));
            return claims != null && claims.isObject() ? claims : null;
        } catch (Exception e) {
            return null; // an opaque token: Kafka sends it all the same
        }
    }
}
