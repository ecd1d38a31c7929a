package io.karapace.serdes.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code Authorization} header for a registry URL, after {@code basic.auth.credentials.source}:
 * {@code URL} takes the user info of each registry URL ({@code http://user:pass@host:8081}),
 * {@code USER_INFO} takes {@code basic.auth.user.info} for every URL.
 */
final class BasicAuth {

    private final String source;
    private final String userInfo;

    private BasicAuth(String source, String userInfo) {
        this.source = source;
        this.userInfo = userInfo;
    }

    static BasicAuth from(Map<String, ?> configs) {
        String source = text(configs.get(SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE));
        source = source == null || source.isBlank() ? "URL" : source.trim().toUpperCase(Locale.ROOT);
        String userInfo = text(configs.get(SchemaRegistryClientConfig.USER_INFO_CONFIG));
        switch (source) {
            case "URL", "USER_INFO" -> {
                return new BasicAuth(source, userInfo);
            }
            default -> throw new IllegalArgumentException(SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE
                    + " = " + source + " is not supported; use URL or USER_INFO");
        }
    }

    /** The header value for requests to this URL (which may carry user info), if any. */
    Optional<String> header(URI url) {
        String credentials = "USER_INFO".equals(source) ? userInfo : url.getUserInfo();
        if (credentials == null || credentials.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** A config value as text; Kafka's {@code Password} type is read through its {@code value()} method. */
    private static String text(Object value) {
        if (value == null || value instanceof CharSequence) {
            return value == null ? null : value.toString();
        }
        try {
            return String.valueOf(value.getClass().getMethod("value").invoke(value));
        } catch (ReflectiveOperationException e) {
            return value.toString();
        }
    }
}
