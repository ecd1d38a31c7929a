package io.karapace.jvm.app;

import io.karapace.jvm.auth.AuthFileException;
import io.karapace.jvm.auth.Authorizer;
import io.karapace.jvm.config.Config;
import io.karapace.jvm.http.HttpServer;
import io.karapace.jvm.http.auth.AuthFilter;
import io.karapace.jvm.http.proxy.BrokersResource;
import io.karapace.jvm.http.proxy.ConsumersNoContent;
import io.karapace.jvm.http.proxy.ConsumersResource;
import io.karapace.jvm.http.proxy.TopicsResource;
import io.karapace.jvm.http.proxy.v3.V3ClustersResource;
import io.karapace.jvm.http.proxy.v3.V3ConsumerGroupsResource;
import io.karapace.jvm.http.proxy.v3.V3Links;
import io.karapace.jvm.http.proxy.v3.V3RecordsResource;
import io.karapace.jvm.http.proxy.v3.V3TopicConfigsResource;
import io.karapace.jvm.http.proxy.v3.V3TopicsResource;
import io.karapace.jvm.http.registry.CompatibilityResource;
import io.karapace.jvm.http.registry.ConfigResource;
import io.karapace.jvm.http.registry.ModeResource;
import io.karapace.jvm.http.registry.NoStoreHeaders;
import io.karapace.jvm.http.registry.SchemasResource;
import io.karapace.jvm.http.registry.ServerResource;
import io.karapace.jvm.http.registry.SubjectsResource;
import io.karapace.jvm.kafka.ClusterId;
import io.karapace.jvm.kafka.EmbeddedKafka;
import io.karapace.jvm.kafka.KafkaClientSettings;
import io.karapace.jvm.kafka.KafkaClusterMetadata;
import io.karapace.jvm.kafka.ProxyAdmin;
import io.karapace.jvm.kafka.ProxyProducer;
import io.karapace.jvm.kafka.v3.KafkaClusterAdmin;
import io.karapace.jvm.kafka.v3.KafkaRecordWriter;
import io.karapace.jvm.proxy.NameStrategy;
import io.karapace.jvm.proxy.ProduceService;
import io.karapace.jvm.proxy.RecordDecoder;
import io.karapace.jvm.proxy.SchemaLookup;
import io.karapace.jvm.proxy.consumer.ConsumerManager;
import io.karapace.jvm.proxy.consumer.ConsumerSettings;
import io.karapace.jvm.proxy.v3.V3Admin;
import io.karapace.jvm.proxy.v3.V3Producer;
import io.karapace.jvm.registry.CompatibilityLevel;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.schema.avro.AvroSchemaProvider;
import io.karapace.jvm.schema.json.JsonSchemaProvider;
import io.karapace.jvm.schema.protobuf.ProtobufSchemaProvider;
import io.karapace.jvm.store.KafkaSchemaLog;
import io.karapace.jvm.store.RecordCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running server: Kafka (embedded or external), the schema log, the registry, the REST proxy and HTTP. */
public final class KarapaceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KarapaceServer.class);

    /** How often the authfile is looked at for changes. */
    private static final Duration AUTHFILE_POLL = Duration.ofSeconds(1);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private HttpServer http;

    private KarapaceServer() {
    }

    public static KarapaceServer start(Config config, List<String> warnings) {
        Configurator.setRootLevel(Level.toLevel(config.log4jLevel(), Level.INFO));
        warnings.forEach(LOG::warn);
        KarapaceServer server = new KarapaceServer();
        try {
            server.run(config);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void run(Config config) {
        long startedAt = System.currentTimeMillis();
        Authorizer authorizer = authorizer(config);
        KafkaClientSettings kafka = kafkaSettings(config);
        SchemaProviders providers = new SchemaProviders(List.of(new AvroSchemaProvider(), new JsonSchemaProvider(),
                new ProtobufSchemaProvider()));
        List<Object> endpoints = new ArrayList<>();
        RegistryService registry = null;
        SchemaLookup schemas;
        Supplier<ServerResource.Replay> replay;
        Supplier<ServerResource.ClusterStatus> cluster = () -> ServerResource.ClusterStatus.NONE;
        RegistryNode node = null;
        if (config.karapaceRegistry()) {
            RegistryService started = startRegistry(config, kafka, providers);
            registry = started;
            node = new RegistryNode(config, kafka, started);
            resources.add(0, node);
            cluster = node::status;
            endpoints.addAll(List.of(new SubjectsResource(started, node.writes()), new SchemasResource(started),
                    new CompatibilityResource(started), new ConfigResource(started, node.writes()),
                    new ModeResource(started, node.writes()), new NoStoreHeaders()));
            schemas = new RegistrySchemaLookup(started, node.writes(), authorizer != null);
            replay = () -> new ServerResource.Replay(started.isReady(), started.readerOffsets()[0],
                    started.readerOffsets()[1]);
        } else {
            schemas = new RemoteSchemaLookup("http", config.registryHost(), config.registryPort(), providers);
            replay = () -> new ServerResource.Replay(true, -1, -1);
            LOG.info("Schema registry not served here; the REST proxy uses http://{}:{}/", config.registryHost(),
                    config.registryPort());
        }
        ClusterId clusterId = new ClusterId(kafka);
        endpoints.add(new ServerResource(replay,
                new ServerResource.ServerInfo(Version.NUMBER, config.groupId(), clusterId::get, startedAt), cluster));
        if (config.karapaceRest()) {
            endpoints.addAll(proxyEndpoints(config, kafka, schemas, providers));
        }
        if (authorizer != null) {
            RegistryService served = registry;
            endpoints.add(new AuthFilter(authorizer, id -> served == null ? List.of() : served.subjectsById(id, true)));
        }
        LOG.info(Protection.describe(config, authorizer));
        http = HttpServer.start(config.host(), config.port(), config.httpRequestMaxSize(), endpoints);
        resources.add(0, http);
        LOG.info("{} listening on http://{}:{}/", served(config), config.host(), http.port());
        if (node != null) {
            node.join(config.advertisedProtocol(), config.advertisedHostname(), advertisedPort(config));
        }
        if (registry != null) {
            awaitReady(registry, Duration.ofMillis(config.startupTimeoutMs()));
        }
    }

    /** The authfile's rules, watched for changes; null without {@code registry_authfile}. */
    private Authorizer authorizer(Config config) {
        if (config.registryAuthfile().isEmpty()) {
            return null;
        }
        Authorizer authorizer;
        try {
            authorizer = Authorizer.open(config.registryAuthfile().get());
        } catch (AuthFileException e) {
            throw new IllegalStateException("Invalid configuration registry_authfile: " + e.getMessage(), e);
        }
        authorizer.watch(AUTHFILE_POLL);
        resources.add(authorizer);
        return authorizer;
    }

    private static String served(Config config) {
        if (!config.karapaceRest()) {
            return "Schema registry";
        }
        return config.karapaceRegistry() ? "Schema registry and Kafka REST proxy" : "Kafka REST proxy";
    }

    /** The registry over the schemas topic; it answers once the topic has been replayed. */
    private RegistryService startRegistry(Config config, KafkaClientSettings kafka, SchemaProviders providers) {
        Duration storeTimeout = Duration.ofMillis(config.storeTimeoutMs());
        KafkaSchemaLog log = new KafkaSchemaLog(kafka, config.topicName(), config.replicationFactor(),
                new KafkaSchemaLog.Timeouts(storeTimeout, storeTimeout));
        resources.add(0, log);
        RegistryService registry = new RegistryService(log, new RecordCodec(), providers,
                CompatibilityLevel.parse(config.compatibility()).orElse(CompatibilityLevel.BACKWARD),
                config.kafkaSchemaReaderStrictMode(), storeTimeout);
        registry.start();
        LOG.info("Schemas stored in topic {}", config.topicName());
        return registry;
    }

    /** The REST proxy's resources over one shared admin client and one shared producer. */
    private List<Object> proxyEndpoints(Config config, KafkaClientSettings kafka, SchemaLookup schemas,
                                        SchemaProviders providers) {
        ProxyAdmin admin = new ProxyAdmin(kafka);
        resources.add(0, admin);
        KafkaClusterMetadata metadata = admin.metadata();
        ProxyProducer producer = new ProxyProducer(kafka, new ProxyProducer.Tuning(config.producerAcks(),
                config.producerCompressionType(), config.producerLingerMs(), config.producerMaxRequestSize(),
                config.metadataMaxAgeMs()));
        resources.add(0, producer);
        NameStrategy strategy = NameStrategy.parse(config.nameStrategy()).orElseThrow(() ->
                new IllegalStateException("Unknown name_strategy " + config.nameStrategy()));
        ProduceService produce = new ProduceService(producer, metadata, schemas, providers, strategy);
        resources.add(0, produce);
        List<Object> endpoints = new ArrayList<>(List.of(new TopicsResource(metadata, produce),
                new BrokersResource(metadata), consumersEndpoint(config, kafka, schemas), new ConsumersNoContent()));
        endpoints.addAll(proxyV3Endpoints(config, admin.clusterAdmin(), producer, schemas, providers, strategy));
        return endpoints;
    }

    /** REST proxy v2 consumer instances; their records decoded with the registry's schemas. */
    private ConsumersResource consumersEndpoint(Config config, KafkaClientSettings kafka, SchemaLookup schemas) {
        ConsumerManager manager = new ConsumerManager(kafka, new ConsumerSettings(
                Duration.ofMillis(config.consumerRequestTimeoutMs()), config.consumerRequestMaxBytes(),
                config.fetchMinBytes(), true, Duration.ofSeconds(config.consumerIdleDisconnectTimeout())));
        resources.add(0, manager);
        ConsumersResource consumers = new ConsumersResource(manager, new RecordDecoder(schemas),
                () -> advertisedBaseUrl(config));
        resources.add(0, consumers);
        return consumers;
    }

    /** The URL clients reach this server at: {@code rest_base_uri}, else the advertised protocol, host and port. */
    private String advertisedBaseUrl(Config config) {
        return config.restBaseUri().orElseGet(() -> config.advertisedProtocol() + "://" + config.advertisedHostname()
                + ":" + advertisedPort(config));
    }

    private int advertisedPort(Config config) {
        return config.advertisedPort() == 0 ? http.port() : config.advertisedPort();
    }

    /** REST proxy v3 over the v2 proxy's shared admin client and producer. */
    private List<Object> proxyV3Endpoints(Config config, KafkaClusterAdmin clusterAdmin, ProxyProducer producer,
                                          SchemaLookup schemas, SchemaProviders providers, NameStrategy strategy) {
        V3Admin admin = new V3Admin(clusterAdmin);
        V3Links links = new V3Links(() -> advertisedBaseUrl(config));
        V3Producer v3Producer = new V3Producer(clusterAdmin, new KafkaRecordWriter(producer), schemas, providers,
                strategy);
        return List.of(new V3ClustersResource(admin, links), new V3TopicsResource(admin, links),
                new V3TopicConfigsResource(admin, links), new V3ConsumerGroupsResource(admin, links),
                new V3RecordsResource(admin, v3Producer));
    }

    private KafkaClientSettings kafkaSettings(Config config) {
        String bootstrap = config.bootstrapUri().orElse(null);
        if (bootstrap == null) {
            EmbeddedKafka embedded = EmbeddedKafka.start(config.dataDir().resolve("kafka"),
                    config.embeddedKafkaPort(), config.embeddedKafkaControllerPort());
            resources.add(embedded);
            bootstrap = embedded.bootstrapServers();
            LOG.info("No bootstrap_uri configured: started embedded Kafka at {} with data in {}", bootstrap,
                    config.dataDir().resolve("kafka").toAbsolutePath());
        } else {
            LOG.info("Using Kafka at {}", bootstrap);
        }
        return new KafkaClientSettings(bootstrap, config.clientId(), config.securityProtocol(),
                config.sslCafile().map(java.nio.file.Path::of).orElse(null),
                config.sslCertfile().map(java.nio.file.Path::of).orElse(null),
                config.sslKeyfile().map(java.nio.file.Path::of).orElse(null),
                config.saslMechanism().orElse(null), config.saslPlainUsername().orElse(null),
                config.saslPlainPassword().orElse(null));
    }

    private static void awaitReady(RegistryService registry, Duration timeout) {
        long started = System.nanoTime();
        try {
            if (registry.awaitReady(timeout)) {
                LOG.info("Ready: schemas topic replayed in {} ms", (System.nanoTime() - started) / 1_000_000);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("Still replaying the schemas topic after {} ms; /_health answers 503 until done",
                timeout.toMillis());
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}: {}", resource.getClass().getSimpleName(), e.toString());
            }
        }
        resources.clear();
    }
}
