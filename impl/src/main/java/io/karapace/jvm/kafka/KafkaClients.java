package io.karapace.jvm.kafka;

import io.karapace.jvm.config.Config;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one place Kafka clients are built (ARCHITECTURE.md 6.3): every admin, producer and consumer of
 * the server gets the bootstrap servers, the security of {@link KafkaSecurity}, a client id
 * {@code <client_id>-<role>} and {@code metadata.max.age.ms}; callers add only what their role needs.
 */
public final class KafkaClients {
    private final String bootstrapServers;
    private final String clientId;
    private final KafkaSecurity security;
    private final Integer metadataMaxAgeMs;
    private final Map<String, Object> metricsProperties;

    public KafkaClients(String bootstrapServers, String clientId, KafkaSecurity security, Integer metadataMaxAgeMs) {
        this(bootstrapServers, clientId, security, metadataMaxAgeMs, Map.of());
    }

    private KafkaClients(String bootstrapServers, String clientId, KafkaSecurity security, Integer metadataMaxAgeMs,
                         Map<String, Object> metricsProperties) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers must not be empty");
        }
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId == null ? "karapace" : clientId;
        this.security = security;
        this.metadataMaxAgeMs = metadataMaxAgeMs;
        this.metricsProperties = Map.copyOf(metricsProperties);
    }

    /** The clients of a server with {@code config}, talking to {@code bootstrapServers}. */
    public static KafkaClients fromConfig(Config config, String bootstrapServers) {
        return new KafkaClients(bootstrapServers, config.clientId(), KafkaSecurity.of(securitySettings(config)),
                config.metadataMaxAgeMs());
    }

    /** The {@code security_protocol}, {@code ssl_*} and {@code sasl_*} settings of {@code config}. */
    public static KafkaSecurity.Settings securitySettings(Config config) {
        return new KafkaSecurity.Settings(config.securityProtocol(), config.sslCafile().orElse(null),
                config.sslCertfile().orElse(null), config.sslKeyfile().orElse(null),
                config.sslPassword().orElse(null), config.sslCrlfile().orElse(null), config.sslCheckHostname(),
                config.sslCiphers().orElse(null), config.saslMechanism().orElse(null),
                config.saslPlainUsername().orElse(null), config.saslPlainPassword().orElse(null),
                config.saslOauthToken().orElse(null));
    }

    /** Unsecured clients with Kafka's default timeouts (tests, the embedded broker). */
    public static KafkaClients plaintext(String bootstrapServers, String clientId) {
        return new KafkaClients(bootstrapServers, clientId, KafkaSecurity.plaintext(), null);
    }

    /**
     * The same clients, each loading the metrics reporter that {@code properties} name (the server's own
     * clients: their client ids are few and fixed, so their metrics can be labelled by them).
     */
    public KafkaClients withMetrics(Map<String, ?> properties) {
        return new KafkaClients(bootstrapServers, clientId, security, metadataMaxAgeMs, Map.copyOf(properties));
    }

    /** The same clients without metrics: many clients come and go (one per REST consumer instance, say). */
    public KafkaClients withoutMetrics() {
        return new KafkaClients(bootstrapServers, clientId, security, metadataMaxAgeMs, Map.of());
    }

    /** Clients for another identity on other bootstrap servers; the same client id, TLS and tuning; no metrics. */
    public KafkaClients as(String otherBootstrapServers, KafkaSecurity otherSecurity) {
        return new KafkaClients(otherBootstrapServers, clientId, otherSecurity, metadataMaxAgeMs);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String clientId() {
        return clientId;
    }

    public KafkaSecurity security() {
        return security;
    }

    /** Every common property plus {@code overrides}; holds secrets, never log it. */
    public Properties properties(String role, Map<String, ?> overrides) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-" + role);
        if (metadataMaxAgeMs != null) {
            props.put(CommonClientConfigs.METADATA_MAX_AGE_CONFIG, metadataMaxAgeMs);
        }
        props.putAll(security.properties());
        props.putAll(metricsProperties);
        props.putAll(overrides);
        return props;
    }

    public Admin admin(String role, Map<String, ?> overrides) {
        return Admin.create(properties(role, overrides));
    }

    public KafkaProducer<byte[], byte[]> producer(String role, Map<String, ?> overrides) {
        return new KafkaProducer<>(properties(role, overrides), new ByteArraySerializer(), new ByteArraySerializer());
    }

    public KafkaConsumer<byte[], byte[]> consumer(String role, Map<String, ?> overrides) {
        return new KafkaConsumer<>(properties(role, overrides), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @Override
    public String toString() {
        return "KafkaClients[" + bootstrapServers + ", " + security.describe() + "]";
    }
}
