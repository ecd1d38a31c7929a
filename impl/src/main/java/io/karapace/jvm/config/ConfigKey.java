package io.karapace.jvm.config;

import static io.karapace.jvm.config.ValueRule.bool;
import static io.karapace.jvm.config.ValueRule.intAtLeast;
import static io.karapace.jvm.config.ValueRule.intBetween;
import static io.karapace.jvm.config.ValueRule.logFormat;
import static io.karapace.jvm.config.ValueRule.longAtLeast;
import static io.karapace.jvm.config.ValueRule.nonBlankText;
import static io.karapace.jvm.config.ValueRule.oneOf;
import static io.karapace.jvm.config.ValueRule.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting the server reads: its Karapace name, value rule, default and a one-line description.
 * Nullable keys start unset (null); the others always hold a value.
 */
public enum ConfigKey {
    HOST("host", text(), "127.0.0.1", "Address the HTTP server binds to; empty or 0.0.0.0 listens on all addresses."),
    PORT("port", port(), 8081, "Port the HTTP server listens on."),
    ADVERTISED_HOSTNAME(nullable("advertised_hostname"), nonBlankText(),
            "Host name clients and other nodes use to reach this node; unset means host (the machine name when host listens on all addresses)."),
    ADVERTISED_PORT(nullable("advertised_port"), port(), "Port clients and other nodes use to reach this node; unset means port."),
    ADVERTISED_PROTOCOL(nullable("advertised_protocol"), oneOf("http", "https"),
            "Scheme of this node's advertised URL; unset means https when server_tls_certfile is set, else http."),
    SERVER_TLS_CERTFILE(nullable("server_tls_certfile"), nonBlankText(),
            "PEM file of the HTTPS server certificate (then its chain); set with server_tls_keyfile to serve HTTPS only."),
    SERVER_TLS_KEYFILE(nullable("server_tls_keyfile"), nonBlankText(),
            "PEM file of the HTTPS server's private key: PKCS#8, PKCS#1 (BEGIN RSA PRIVATE KEY) or EC, possibly encrypted."),
    SERVER_TLS_KEYFILE_PASSWORD(nullable("server_tls_keyfile_password"), text(),
            "Password of an encrypted server_tls_keyfile (never logged)."),
    SERVER_TLS_CAFILE(nullable("server_tls_cafile"), nonBlankText(),
            "PEM file of the CA certificates that HTTPS client certificates must be signed by (mutual TLS)."),
    SERVER_TLS_CLIENT_AUTH("server_tls_client_auth", oneOf("none", "optional", "required"), "none",
            "Whether HTTPS clients must present a certificate signed by server_tls_cafile; optional and required need server_tls_cafile."),
    BOOTSTRAP_URI(nullable("bootstrap_uri"), nonBlankText(),
            "Kafka bootstrap servers (host:port,...); unset starts an embedded single-node Kafka broker."),
    CLIENT_ID("client_id", nonBlankText(), "sr-1", "Kafka client id of this node."),
    GROUP_ID("group_id", nonBlankText(), "schema-registry", "Kafka group used to elect the primary node."),
    TOPIC_NAME("topic_name", nonBlankText(), "_schemas", "Kafka topic that stores schemas, configs and modes."),
    COMPATIBILITY("compatibility", oneOf("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE",
            "FULL", "FULL_TRANSITIVE"), "BACKWARD", "Compatibility level used while no global level has been set."),
    REPLICATION_FACTOR("replication_factor", intBetween(1, Short.MAX_VALUE), 1,
            "Replication factor of the schemas topic when this node creates it."),
    SECURITY_PROTOCOL("security_protocol", oneOf("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"), "PLAINTEXT",
            "Protocol used to talk to Kafka."),
    SSL_CAFILE(nullable("ssl_cafile"), nonBlankText(), "PEM file of the CA certificates trusted for Kafka TLS."),
    SSL_CERTFILE(nullable("ssl_certfile"), nonBlankText(), "PEM file of the client certificate for Kafka TLS."),
    SSL_KEYFILE(nullable("ssl_keyfile"), nonBlankText(),
            "PEM file of the client private key for Kafka TLS: PKCS#8, PKCS#1 or EC, possibly encrypted with ssl_password."),
    SSL_PASSWORD(nullable("ssl_password"), text(), "Password of an encrypted ssl_keyfile (never logged)."),
    SSL_CRLFILE(nullable("ssl_crlfile"), nonBlankText(),
            "Certificate revocation list for Kafka TLS; Kafka's Java clients cannot check one, so setting it stops startup."),
    SSL_CHECK_HOSTNAME("ssl_check_hostname", bool(), true,
            "Whether Kafka TLS checks that the broker's certificate names the host connected to."),
    SSL_CIPHERS(nullable("ssl_ciphers"), nonBlankText(),
            "Colon-separated OpenSSL cipher names allowed for Kafka TLS, e.g. ECDHE-RSA-AES256-GCM-SHA384; unset means the JVM's defaults."),
    SASL_MECHANISM(nullable("sasl_mechanism"), oneOf("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"),
            "SASL mechanism used with the SASL_* security protocols."),
    SASL_PLAIN_USERNAME(nullable("sasl_plain_username"), text(), "SASL user name (PLAIN and SCRAM)."),
    SASL_PLAIN_PASSWORD(nullable("sasl_plain_password"), text(), "SASL password (never logged)."),
    SASL_OAUTH_TOKEN(nullable("sasl_oauth_token"), nonBlankText(),
            "Static OAuth token sent with sasl_mechanism OAUTHBEARER (never logged)."),
    SASL_BOOTSTRAP_URI(nullable("sasl_bootstrap_uri"), nonBlankText(),
            "Kafka bootstrap servers of the SASL listener used for the per-caller clients of rest_authorization; unset means bootstrap_uri."),
    LOG_LEVEL("log_level", oneOf(orderedMap("WARN", "WARNING", "FATAL", "CRITICAL", "NOTSET", "DEBUG"),
            "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), "INFO",
            "Level of the root logger; Python's other level names WARN, FATAL and NOTSET (everything) are read as the level they stand for."),
    LOG_FORMAT("log_format", logFormat(), "text",
            "text (one line an event), json (one JSON object a line: timestamp, level, logger, thread, message, exception) or a Python logging format such as Karapace's %(name)-20s\\t%(levelname)-8s\\t%(message)s."),
    ACCESS_LOG("access_log", bool(), false,
            "Log one line per HTTP request (method, path, route, status, duration) on the logger named access."),
    SHUTDOWN_TIMEOUT_MS("shutdown_timeout_ms", intAtLeast(0), 20000,
            "How long a stop (SIGTERM) may take to finish requests in flight and close Kafka clients before the process exits anyway."),
    KARAPACE_REGISTRY("karapace_registry", bool(), true, "Serve the Schema Registry API."),
    KARAPACE_REST("karapace_rest", bool(), true, "Serve the Kafka REST Proxy API."),
    MASTER_ELIGIBILITY("master_eligibility", bool(), true, "Whether this node may become the primary that writes."),
    MASTER_ELECTION_STRATEGY("master_election_strategy", oneOf("lowest", "highest"), "lowest",
            "Which eligible node of the group becomes primary: the one whose advertised URL sorts lowest or highest."),
    WAITING_TIME_BEFORE_ACTING_AS_MASTER_MS("waiting_time_before_acting_as_master_ms", longAtLeast(0), 5000L,
            "How long a newly elected primary waits before it writes, so records the previous primary still had in flight land first; skipped when it was primary a moment ago."),
    SESSION_TIMEOUT_MS("session_timeout_ms", intBetween(1000, 3_600_000), 10000,
            "Session timeout of the election group: how long a silent node keeps its role before the group elects another."),
    HTTP_REQUEST_MAX_SIZE("http_request_max_size", intAtLeast(1), 1048576, "Largest accepted HTTP request body, in bytes."),
    KAFKA_SCHEMA_READER_STRICT_MODE("kafka_schema_reader_strict_mode", bool(), false,
            "Stop instead of skipping when the schemas topic holds a record that cannot be read."),
    METADATA_MAX_AGE_MS("metadata_max_age_ms", intAtLeast(0), 60000, "Kafka clients' metadata.max.age.ms."),
    PRODUCER_ACKS("producer_acks", oneOf("0", "1", "-1", "all"), "1", "REST proxy producers' acks."),
    PRODUCER_COMPRESSION_TYPE("producer_compression_type", oneOf("none", "gzip", "snappy", "lz4", "zstd"), "none",
            "REST proxy producers' compression.type."),
    PRODUCER_LINGER_MS("producer_linger_ms", intAtLeast(0), 0, "REST proxy producers' linger.ms; 0 sends at once, as the seed README documents."),
    PRODUCER_MAX_REQUEST_SIZE("producer_max_request_size", intAtLeast(1), 1048576,
            "REST proxy producers' max.request.size, in bytes."),
    CONSUMER_REQUEST_TIMEOUT_MS("consumer_request_timeout_ms", intAtLeast(0), 11000,
            "REST proxy consumers' fetch timeout when a request names none."),
    CONSUMER_REQUEST_MAX_BYTES("consumer_request_max_bytes", intAtLeast(0), 67108864,
            "REST proxy consumers' largest fetch when a request names none, in bytes."),
    CONSUMER_IDLE_DISCONNECT_TIMEOUT("consumer_idle_disconnect_timeout", intAtLeast(0), 0,
            "Seconds after which an idle REST proxy consumer is closed; 0 keeps it."),
    CONSUMER_ENABLE_AUTO_COMMIT("consumer_enable_auto_commit", bool(), true,
            "Default auto.commit.enable of REST proxy consumers that name none; Karapace's README spells it consumer_enable_autocommit, also accepted."),
    FETCH_MIN_BYTES("fetch_min_bytes", intAtLeast(0), 1, "REST proxy consumers' fetch.min.bytes."),
    NAME_STRATEGY("name_strategy", oneOf(Map.of("subject_name", "topic_name"), "topic_name", "record_name",
            "topic_record_name"), "topic_name",
            "How the REST proxy derives a subject from a topic and a record; subject_name, the default Karapace's README documents, is read as topic_name, the default Karapace applies."),
    NAME_STRATEGY_VALIDATION("name_strategy_validation", bool(), true,
            "Whether the REST proxy checks that a given schema id belongs to the strategy's subject."),
    REGISTRY_HOST("registry_host", nonBlankText(), "127.0.0.1", "Host of the Schema Registry the REST proxy uses."),
    REGISTRY_PORT("registry_port", port(), 8081, "Port of the Schema Registry the REST proxy uses."),
    REGISTRY_AUTHFILE(nullable("registry_authfile"), nonBlankText(),
            "Karapace JSON file of users and permissions; set, every endpoint but health and schema types needs HTTP basic auth."),
    REGISTRY_SCHEME("registry_scheme", oneOf("http", "https"), "http",
            "Scheme of the Schema Registry the REST proxy uses when karapace_registry is false."),
    REGISTRY_USER(nullable("registry_user"), text(), "User name the REST proxy sends to a remote Schema Registry (Basic auth)."),
    REGISTRY_PASSWORD(nullable("registry_password"), text(), "Password the REST proxy sends to a remote Schema Registry (never logged)."),
    REGISTRY_CA(nullable("registry_ca"), nonBlankText(),
            "PEM file of the CA certificates the REST proxy trusts for an https remote Schema Registry; unset means the JVM's CAs."),
    REST_AUTHORIZATION("rest_authorization", bool(), false,
            "Use each REST proxy caller's credentials (Basic: SASL PLAIN or sasl_mechanism; Bearer: OAUTHBEARER) as its Kafka identity, so Kafka's ACLs decide; callers without credentials get 401."),
    REST_BASE_URI(nullable("rest_base_uri"), nonBlankText(),
            "Base URI the REST proxy puts in its answers; unset means the advertised protocol, host and port."),
    DATA_DIR("data_dir", nonBlankText(), "./data", "Directory where the embedded Kafka broker keeps its data."),
    EMBEDDED_KAFKA_PORT("embedded_kafka_port", port(), 29092, "Port of the embedded Kafka broker's listener."),
    EMBEDDED_KAFKA_CONTROLLER_PORT("embedded_kafka_controller_port", port(), 29093,
            "Port of the embedded Kafka broker's controller listener."),
    STORE_TIMEOUT_MS("store_timeout_ms", longAtLeast(1), 10000L,
            "How long a write waits for Kafka to store and hand back its record, in milliseconds."),
    STARTUP_TIMEOUT_MS("startup_timeout_ms", longAtLeast(1), 60000L,
            "How long startup waits for Kafka and for the schemas topic to be read, in milliseconds.");

    private static final String ENV_PREFIX = "KARAPACE_";
    private static final Map<String, ConfigKey> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ConfigKey::key, Function.identity()));
    private static final Map<String, ConfigKey> ALIASES = Map.of("consumer_enable_autocommit", CONSUMER_ENABLE_AUTO_COMMIT);

    private final String key;
    private final ValueRule rule;
    private final Object defaultValue;
    private final boolean nullable;
    private final String doc;

    ConfigKey(String key, ValueRule rule, Object defaultValue, String doc) {
        this(key, rule, defaultValue, false, doc);
    }

    ConfigKey(Nullable key, ValueRule rule, String doc) {
        this(key.name(), rule, null, true, doc);
    }

    ConfigKey(String key, ValueRule rule, Object defaultValue, boolean nullable, String doc) {
        this.key = key;
        this.rule = rule;
        this.defaultValue = defaultValue;
        this.nullable = nullable;
        this.doc = doc;
    }

    /** Whether the value is a secret: masked in {@link Config#asMap()} and never echoed in messages. */
    public boolean secret() {
        return this == SASL_PLAIN_PASSWORD || this == SSL_PASSWORD || this == SERVER_TLS_KEYFILE_PASSWORD
                || this == SASL_OAUTH_TOKEN || this == REGISTRY_PASSWORD;
    }

    /** The name used in the JSON file, e.g. {@code bootstrap_uri}. */
    public String key() {
        return key;
    }

    public ValueRule rule() {
        return rule;
    }

    /** The typed default; null for nullable keys. */
    public Object defaultValue() {
        return defaultValue;
    }

    public boolean nullable() {
        return nullable;
    }

    public String doc() {
        return doc;
    }

    /**
     * Environment variables that set this key, the preferred one first. Keys starting with
     * {@code karapace_} answer to the single prefix (Karapace's README) and the double prefix
     * (what Karapace's code reads).
     */
    public List<String> envNames() {
        String upper = key.toUpperCase(Locale.ROOT);
        List<String> names = new java.util.ArrayList<>(upper.startsWith(ENV_PREFIX)
                ? List.of(upper, ENV_PREFIX + upper)
                : List.of(ENV_PREFIX + upper));
        aliases().forEach(alias -> names.add(ENV_PREFIX + alias.toUpperCase(Locale.ROOT)));
        return List.copyOf(names);
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Optional.ofNullable(BY_NAME.get(key));
    }

    /**
     * Other names of keys, accepted with a warning: the spellings Karapace's README documents where
     * Karapace's code reads another ({@code consumer_enable_autocommit}, README; {@code
     * consumer_enable_auto_commit}, src/karapace/core/config.py).
     */
    public static Optional<ConfigKey> byAlias(String name) {
        return Optional.ofNullable(ALIASES.get(name));
    }

    /** The aliases of this key, see {@link #byAlias}. */
    public List<String> aliases() {
        return ALIASES.entrySet().stream().filter(e -> e.getValue() == this).map(Map.Entry::getKey).sorted().toList();
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static ValueRule port() {
        return intBetween(0, 65535);
    }

    private static Nullable nullable(String key) {
        return new Nullable(key);
    }

    /** Marks a key without a default: the constructor taking it makes the key nullable. */
    private record Nullable(String name) {
    }
}
