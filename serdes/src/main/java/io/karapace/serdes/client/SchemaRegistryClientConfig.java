package io.karapace.serdes.client;

/** Config names the client reads, as Confluent's {@code SchemaRegistryClientConfig} spells them. */
public final class SchemaRegistryClientConfig {

    /** {@code URL} (user info in the registry URL, the default), {@code USER_INFO}, or {@code SASL_INHERIT} (not supported). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} used when the source is {@code USER_INFO}. */
    public static final String USER_INFO_CONFIG = "basic.auth.user.info";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final int HTTP_TIMEOUT_MS_DEFAULT = 60_000;

    private SchemaRegistryClientConfig() {
    }
}
