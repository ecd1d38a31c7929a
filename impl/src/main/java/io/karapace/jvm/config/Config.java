package io.karapace.jvm.config;

import io.karapace.jvm.logging.LogFormat;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The server's settings, validated and typed. Built by {@link ConfigLoader}; immutable. */
public final class Config {
    private static final Set<String> WILDCARD_HOSTS = Set.of("", "0.0.0.0", "::", "[::]");
    private static final String MASK = "********";

    private final Map<ConfigKey, Object> values;

    Config(Map<ConfigKey, Object> values) {
        EnumMap<ConfigKey, Object> copy = new EnumMap<>(ConfigKey.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
    }

    public String host() {
        return string(ConfigKey.HOST);
    }

    public int port() {
        return integer(ConfigKey.PORT);
    }

    /** The configured name, else host, else (host is a wildcard) this machine's name. */
    public String advertisedHostname() {
        return optional(ConfigKey.ADVERTISED_HOSTNAME)
                .orElseGet(() -> WILDCARD_HOSTS.contains(host().trim()) ? localHostName() : host());
    }

    public int advertisedPort() {
        Object port = values.get(ConfigKey.ADVERTISED_PORT);
        return port == null ? port() : (Integer) port;
    }

    /** The configured scheme, else https when the server speaks TLS, else http. */
    public String advertisedProtocol() {
        return optional(ConfigKey.ADVERTISED_PROTOCOL).orElse(serverTlsCertfile().isPresent() ? "https" : "http");
    }

    public Optional<String> serverTlsCertfile() {
        return optional(ConfigKey.SERVER_TLS_CERTFILE);
    }

    public Optional<String> serverTlsKeyfile() {
        return optional(ConfigKey.SERVER_TLS_KEYFILE);
    }

    public Optional<String> serverTlsKeyfilePassword() {
        return optional(ConfigKey.SERVER_TLS_KEYFILE_PASSWORD);
    }

    public Optional<String> serverTlsCafile() {
        return optional(ConfigKey.SERVER_TLS_CAFILE);
    }

    /** none, optional or required. */
    public String serverTlsClientAuth() {
        return string(ConfigKey.SERVER_TLS_CLIENT_AUTH);
    }

    /** Empty means: start the embedded broker. */
    public Optional<String> bootstrapUri() {
        return optional(ConfigKey.BOOTSTRAP_URI);
    }

    public String clientId() {
        return string(ConfigKey.CLIENT_ID);
    }

    public String groupId() {
        return string(ConfigKey.GROUP_ID);
    }

    public String topicName() {
        return string(ConfigKey.TOPIC_NAME);
    }

    /** One of the seven level names, upper-case, as {@code CompatibilityLevel.valueOf} takes them. */
    public String compatibility() {
        return string(ConfigKey.COMPATIBILITY);
    }

    public int replicationFactor() {
        return integer(ConfigKey.REPLICATION_FACTOR);
    }

    /** PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
    public String securityProtocol() {
        return string(ConfigKey.SECURITY_PROTOCOL);
    }

    public Optional<String> sslCafile() {
        return optional(ConfigKey.SSL_CAFILE);
    }

    public Optional<String> sslCertfile() {
        return optional(ConfigKey.SSL_CERTFILE);
    }

    public Optional<String> sslKeyfile() {
        return optional(ConfigKey.SSL_KEYFILE);
    }

    public Optional<String> sslPassword() {
        return optional(ConfigKey.SSL_PASSWORD);
    }

    public Optional<String> sslCrlfile() {
        return optional(ConfigKey.SSL_CRLFILE);
    }

    public boolean sslCheckHostname() {
        return flag(ConfigKey.SSL_CHECK_HOSTNAME);
    }

    public Optional<String> sslCiphers() {
        return optional(ConfigKey.SSL_CIPHERS);
    }

    public Optional<String> saslOauthToken() {
        return optional(ConfigKey.SASL_OAUTH_TOKEN);
    }

    public Optional<String> saslBootstrapUri() {
        return optional(ConfigKey.SASL_BOOTSTRAP_URI);
    }

    /** PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER. */
    public Optional<String> saslMechanism() {
        return optional(ConfigKey.SASL_MECHANISM);
    }

    public Optional<String> saslPlainUsername() {
        return optional(ConfigKey.SASL_PLAIN_USERNAME);
    }

    public Optional<String> saslPlainPassword() {
        return optional(ConfigKey.SASL_PLAIN_PASSWORD);
    }

    /** The Karapace (Python) level name: DEBUG, INFO, WARNING, ERROR or CRITICAL. */
    public String logLevel() {
        return string(ConfigKey.LOG_LEVEL);
    }

    /** {@link #logLevel()} as a log4j level name, for {@code Level.valueOf}. */
    public String log4jLevel() {
        return switch (logLevel()) {
            case "WARNING" -> "WARN";
            case "CRITICAL" -> "FATAL";
            default -> logLevel();
        };
    }

    /** {@code log_format}, parsed. */
    public LogFormat logFormat() {
        return LogFormat.parse(string(ConfigKey.LOG_FORMAT)).orElseThrow();
    }

    public boolean accessLog() {
        return flag(ConfigKey.ACCESS_LOG);
    }

    public Duration shutdownTimeout() {
        return Duration.ofMillis(integer(ConfigKey.SHUTDOWN_TIMEOUT_MS));
    }

    public boolean karapaceRegistry() {
        return flag(ConfigKey.KARAPACE_REGISTRY);
    }

    public boolean karapaceRest() {
        return flag(ConfigKey.KARAPACE_REST);
    }

    public boolean masterEligibility() {
        return flag(ConfigKey.MASTER_ELIGIBILITY);
    }

    /** {@code lowest} or {@code highest}. */
    public String masterElectionStrategy() {
        return string(ConfigKey.MASTER_ELECTION_STRATEGY);
    }

    public long waitingTimeBeforeActingAsMasterMs() {
        return (Long) values.get(ConfigKey.WAITING_TIME_BEFORE_ACTING_AS_MASTER_MS);
    }

    public int sessionTimeoutMs() {
        return integer(ConfigKey.SESSION_TIMEOUT_MS);
    }

    public int httpRequestMaxSize() {
        return integer(ConfigKey.HTTP_REQUEST_MAX_SIZE);
    }

    public boolean kafkaSchemaReaderStrictMode() {
        return flag(ConfigKey.KAFKA_SCHEMA_READER_STRICT_MODE);
    }

    public int metadataMaxAgeMs() {
        return integer(ConfigKey.METADATA_MAX_AGE_MS);
    }

    /** 0, 1, -1 or all. */
    public String producerAcks() {
        return string(ConfigKey.PRODUCER_ACKS);
    }

    /** none, gzip, snappy, lz4 or zstd. */
    public String producerCompressionType() {
        return string(ConfigKey.PRODUCER_COMPRESSION_TYPE);
    }

    public int producerLingerMs() {
        return integer(ConfigKey.PRODUCER_LINGER_MS);
    }

    public int producerMaxRequestSize() {
        return integer(ConfigKey.PRODUCER_MAX_REQUEST_SIZE);
    }

    public int consumerRequestTimeoutMs() {
        return integer(ConfigKey.CONSUMER_REQUEST_TIMEOUT_MS);
    }

    public int consumerRequestMaxBytes() {
        return integer(ConfigKey.CONSUMER_REQUEST_MAX_BYTES);
    }

    /** Seconds; 0 = never. */
    public int consumerIdleDisconnectTimeout() {
        return integer(ConfigKey.CONSUMER_IDLE_DISCONNECT_TIMEOUT);
    }

    /** Default auto.commit.enable of REST proxy consumers ({@code consumer_enable_auto_commit}). */
    public boolean consumerEnableAutoCommit() {
        return flag(ConfigKey.CONSUMER_ENABLE_AUTO_COMMIT);
    }

    public int fetchMinBytes() {
        return integer(ConfigKey.FETCH_MIN_BYTES);
    }

    /** topic_name, record_name or topic_record_name. */
    public String nameStrategy() {
        return string(ConfigKey.NAME_STRATEGY);
    }

    public boolean nameStrategyValidation() {
        return flag(ConfigKey.NAME_STRATEGY_VALIDATION);
    }

    public String registryHost() {
        return string(ConfigKey.REGISTRY_HOST);
    }

    public int registryPort() {
        return integer(ConfigKey.REGISTRY_PORT);
    }

    /** Unset: no authentication (API.md D.2). */
    public Optional<Path> registryAuthfile() {
        return optional(ConfigKey.REGISTRY_AUTHFILE).map(Path::of);
    }

    /** http or https. */
    public String registryScheme() {
        return string(ConfigKey.REGISTRY_SCHEME);
    }

    public Optional<String> registryUser() {
        return optional(ConfigKey.REGISTRY_USER);
    }

    public Optional<String> registryPassword() {
        return optional(ConfigKey.REGISTRY_PASSWORD);
    }

    public Optional<String> registryCa() {
        return optional(ConfigKey.REGISTRY_CA);
    }

    public boolean restAuthorization() {
        return flag(ConfigKey.REST_AUTHORIZATION);
    }

    public Optional<String> restBaseUri() {
        return optional(ConfigKey.REST_BASE_URI);
    }

    public Path dataDir() {
        return Path.of(string(ConfigKey.DATA_DIR));
    }

    public int embeddedKafkaPort() {
        return integer(ConfigKey.EMBEDDED_KAFKA_PORT);
    }

    public int embeddedKafkaControllerPort() {
        return integer(ConfigKey.EMBEDDED_KAFKA_CONTROLLER_PORT);
    }

    public long storeTimeoutMs() {
        return (Long) values.get(ConfigKey.STORE_TIMEOUT_MS);
    }

    public long startupTimeoutMs() {
        return (Long) values.get(ConfigKey.STARTUP_TIMEOUT_MS);
    }

    /** Every key with its effective value (null when unset), in declaration order; secrets masked. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            Object value = values.get(key);
            map.put(key.key(), key.secret() && value != null ? MASK : value);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return "Config" + asMap();
    }

    private String string(ConfigKey key) {
        return (String) values.get(key);
    }

    private int integer(ConfigKey key) {
        return (Integer) values.get(key);
    }

    private boolean flag(ConfigKey key) {
        return (Boolean) values.get(key);
    }

    private Optional<String> optional(ConfigKey key) {
        return Optional.ofNullable((String) values.get(key));
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
