package io.karapace.jvm.app;

import io.karapace.jvm.auth.AuthFileException;
import io.karapace.jvm.auth.Authorizer;
import io.karapace.jvm.config.Config;
import io.karapace.jvm.http.AccessLog;
import io.karapace.jvm.http.HttpMetricsFilter;
import io.karapace.jvm.http.HttpServer;
import io.karapace.jvm.http.MetricsResource;
import io.karapace.jvm.http.UnexpectedErrorMeter;
import io.karapace.jvm.http.auth.AuthFilter;
import io.karapace.jvm.http.proxy.BrokersResource;
import io.karapace.jvm.http.proxy.ConsumersNoContent;
import io.karapace.jvm.http.proxy.ConsumersResource;
import io.karapace.jvm.http.proxy.RestAuthorizationFilter;
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
import io.karapace.jvm.kafka.CallerClients;
import io.karapace.jvm.kafka.ClusterId;
import io.karapace.jvm.kafka.EmbeddedKafka;
import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.kafka.KafkaSecurity;
import io.karapace.jvm.logging.LogSetup;
import io.karapace.jvm.metrics.ClusterMeters;
import io.karapace.jvm.metrics.KafkaClientMeters;
import io.karapace.jvm.metrics.Metrics;
import io.karapace.jvm.metrics.ProxyMeters;
import io.karapace.jvm.metrics.RegistryMeters;
import io.karapace.jvm.proxy.NameStrategy;
import io.karapace.jvm.proxy.ProduceService;
import io.karapace.jvm.proxy.ProxyStats;
import io.karapace.jvm.proxy.RecordDecoder;
import io.karapace.jvm.proxy.SchemaLookup;
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
import io.karapace.jvm.tls.ServerTls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running server: Kafka (embedded or external), the schema log, the registry, the REST proxy and HTTP. */
public final class KarapaceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KarapaceServer.class);

    /** How often the authfile is looked at for changes. */
    private static final Duration AUTHFILE_POLL = Duration.ofSeconds(1);

    private final ShutdownPlan shutdown = new ShutdownPlan();
    private HttpServer http;
    private Duration shutdownTimeout = Duration.ZERO;
    private volatile boolean requestsCut;

    private KarapaceServer() {
    }

    public static KarapaceServer start(Config config, List<String> warnings) {
        LogSetup.apply(config.log4jLevel(), config.logFormat());
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
        shutdownTimeout = config.shutdownTimeout();
        // Security settings are checked before anything starts: an unusable one stops startup at once
        ServerTls tls = ServerTls.from(serverTlsSettings(config)).orElse(null);
        KafkaSecurity.of(KafkaClients.securitySettings(config));
        RemoteSchemaLookup.Target remoteRegistry = config.karapaceRegistry() ? null : new RemoteSchemaLookup.Target(
                config.registryScheme(), config.registryHost(), config.registryPort(),
                config.registryUser().orElse(null), config.registryPassword().orElse(null),
                config.registryCa().orElse(null));
        Authorizer authorizer = authorizer(config);
        Metrics metrics = new Metrics();
        shutdown.add(ShutdownPlan.Phase.CLOSE_STORE, metrics);
        // the server's own clients report to /metrics; per-caller and per-consumer-instance clients do not
        KafkaClients kafka = kafkaClients(config).withMetrics(KafkaClientMeters.clientProperties(metrics.registry()));
        SchemaProviders providers = new SchemaProviders(List.of(new AvroSchemaProvider(), new JsonSchemaProvider(),
                new ProtobufSchemaProvider()));
        List<Object> endpoints = new ArrayList<>();
        RegistryService registry = null;
        SchemaLookup schemas;
        ProxyStats proxyStats = new ProxyStats();
        CallerClients<ProxyKafka.ClientSet> callers = config.karapaceRest() && config.restAuthorization()
                ? callerClients(config, kafka, proxyStats) : null;
        if (callers == null && config.saslBootstrapUri().isPresent()) {
            LOG.warn("sasl_bootstrap_uri is not used: only the per-caller clients of rest_authorization connect there");
        }
        Supplier<ServerResource.Replay> replay;
        Supplier<ServerResource.ClusterStatus> cluster = () -> ServerResource.ClusterStatus.NONE;
        RegistryNode node = null;
        if (config.karapaceRegistry()) {
            warnUnusedRegistryClientKeys(config);
            RegistryService started = startRegistry(config, kafka, providers);
            registry = started;
            node = new RegistryNode(config, kafka, started);
            shutdown.add(ShutdownPlan.Phase.LEAVE_ELECTION, node);
            RegistryMeters.bind(metrics.registry(), started::stats, () -> started.readerOffsets()[0],
                    started::readerLag);
            ClusterMeters.bind(metrics.registry(), node.meters());
            cluster = node::status;
            endpoints.addAll(List.of(new SubjectsResource(started, node.writes()), new SchemasResource(started),
                    new CompatibilityResource(started), new ConfigResource(started, node.writes()),
                    new ModeResource(started, node.writes()), new NoStoreHeaders()));
            schemas = new RegistrySchemaLookup(started, node.writes(), authorizer != null);
            replay = () -> new ServerResource.Replay(started.isReady(), started.readerOffsets()[0],
                    started.readerOffsets()[1]);
        } else {
            schemas = new RemoteSchemaLookup(remoteRegistry, providers, callers == null ? Optional::empty
                    : callers::currentAuthorization);
            replay = () -> new ServerResource.Replay(true, -1, -1);
            LOG.info("Schema registry not served here; the REST proxy uses {}", remoteRegistry);
        }
        ClusterId clusterId = new ClusterId(kafka);
        endpoints.add(new ServerResource(replay,
                new ServerResource.ServerInfo(Version.NUMBER, config.groupId(), clusterId::get, startedAt), cluster));
        if (config.karapaceRest()) {
            endpoints.addAll(proxyEndpoints(config, kafka, callers, schemas, providers, proxyStats));
            ProxyMeters.bind(metrics.registry(), proxyStats);
        }
        endpoints.add(new MetricsResource(metrics::scrape));
        HttpMetricsFilter httpMetrics = new HttpMetricsFilter(metrics.registry());
        endpoints.addAll(List.of(httpMetrics, httpMetrics.inProgressFilter(), new UnexpectedErrorMeter(metrics.registry())));
        if (authorizer != null) {
            RegistryService served = registry;
            endpoints.add(new AuthFilter(authorizer, id -> served == null ? List.of() : served.subjectsById(id, true)));
        }
        if (config.accessLog()) {
            endpoints.add(new AccessLog(System::nanoTime));
        }
        LOG.info(Protection.describe(tls, authorizer, kafka.security()));
        http = HttpServer.start(config.host(), config.port(), config.httpRequestMaxSize(), endpoints, tls);
        shutdown.add(ShutdownPlan.Phase.STOP_ACCEPTING, http::stopAccepting);
        shutdown.add(ShutdownPlan.Phase.FINISH_REQUESTS, this::finishRequestsInFlight);
        LOG.info("{} listening on {}://{}:{}/", served(config), tls == null ? "http" : "https", config.host(),
                http.port());
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
        shutdown.add(ShutdownPlan.Phase.CLOSE_STORE, authorizer);
        return authorizer;
    }

    /** The proxy reads an in-process registry then: say so rather than ignore the keys silently. */
    private static void warnUnusedRegistryClientKeys(Config config) {
        Stream.of(config.registryUser().map(v -> "registry_user"),
                        config.registryPassword().map(v -> "registry_password"), config.registryCa().map(v -> "registry_ca"))
                .flatMap(Optional::stream)
                .forEach(key -> LOG.warn("{} is not used: karapace_registry is true, so the REST proxy reads the"
                        + " registry in this process", key));
    }

    private static String served(Config config) {
        if (!config.karapaceRest()) {
            return "Schema registry";
        }
        return config.karapaceRegistry() ? "Schema registry and Kafka REST proxy" : "Kafka REST proxy";
    }

    /** The registry over the schemas topic; it answers once the topic has been replayed. */
    private RegistryService startRegistry(Config config, KafkaClients kafka, SchemaProviders providers) {
        Duration storeTimeout = Duration.ofMillis(config.storeTimeoutMs());
        KafkaSchemaLog log = new KafkaSchemaLog(kafka, config.topicName(), config.replicationFactor(),
                new KafkaSchemaLog.Timeouts(storeTimeout, storeTimeout));
        shutdown.add(ShutdownPlan.Phase.CLOSE_STORE, log);
        RegistryService registry = new RegistryService(log, new RecordCodec(), providers,
                CompatibilityLevel.parse(config.compatibility()).orElse(CompatibilityLevel.BACKWARD),
                config.kafkaSchemaReaderStrictMode(), storeTimeout);
        registry.start();
        LOG.info("Schemas stored in topic {}", config.topicName());
        return registry;
    }

    /** rest_authorization: the Kafka clients of each REST proxy caller. */
    private CallerClients<ProxyKafka.ClientSet> callerClients(Config config, KafkaClients kafka, ProxyStats stats) {
        CallerClients<ProxyKafka.ClientSet> callers = new CallerClients<>(kafka,
                config.saslBootstrapUri().orElse(kafka.bootstrapServers()),
                callerKafka -> new ProxyKafka.ClientSet(config, callerKafka, stats));
        shutdown.add(ShutdownPlan.Phase.FLUSH_PRODUCERS, callers);
        return callers;
    }

    /** The REST proxy's resources; {@code callers} null: every request uses the server's own Kafka identity. */
    private List<Object> proxyEndpoints(Config config, KafkaClients kafka, CallerClients<ProxyKafka.ClientSet> callers,
                                        SchemaLookup schemas, SchemaProviders providers, ProxyStats stats) {
        List<Object> endpoints = new ArrayList<>();
        ProxyKafka proxyKafka;
        if (callers != null) {
            endpoints.add(new RestAuthorizationFilter(callers, config.saslMechanism().orElse(null)));
            proxyKafka = ProxyKafka.perCaller(callers);
            LOG.info("rest_authorization: REST proxy callers reach Kafka with their own credentials at {}",
                    config.saslBootstrapUri().orElse(kafka.bootstrapServers()));
        } else {
            proxyKafka = ProxyKafka.shared(config, kafka, shutdown, stats);
        }
        NameStrategy strategy = NameStrategy.parse(config.nameStrategy()).orElseThrow(() ->
                new IllegalStateException("Unknown name_strategy " + config.nameStrategy()));
        ProduceService produce = new ProduceService(proxyKafka.sink(), proxyKafka.metadata(), schemas, providers,
                strategy, stats);
        shutdown.add(ShutdownPlan.Phase.FLUSH_PRODUCERS, produce);
        ConsumersResource consumers = new ConsumersResource(proxyKafka.consumers(), new RecordDecoder(schemas),
                () -> advertisedBaseUrl(config));
        shutdown.add(ShutdownPlan.Phase.CLOSE_CONSUMERS, consumers);
        endpoints.addAll(List.of(new TopicsResource(proxyKafka.metadata(), produce),
                new BrokersResource(proxyKafka.metadata()), consumers, new ConsumersNoContent()));
        endpoints.addAll(proxyV3Endpoints(config, proxyKafka, schemas, providers, strategy));
        return endpoints;
    }

    /** The URL clients reach this server at: {@code rest_base_uri}, else the advertised protocol, host and port. */
    private String advertisedBaseUrl(Config config) {
        return config.restBaseUri().orElseGet(() -> config.advertisedProtocol() + "://" + config.advertisedHostname()
                + ":" + advertisedPort(config));
    }

    private int advertisedPort(Config config) {
        return config.advertisedPort() == 0 ? http.port() : config.advertisedPort();
    }

    /** REST proxy v3 over the same Kafka clients as v2. */
    private List<Object> proxyV3Endpoints(Config config, ProxyKafka kafka, SchemaLookup schemas,
                                          SchemaProviders providers, NameStrategy strategy) {
        V3Admin admin = new V3Admin(kafka.clusterAdmin());
        V3Links links = new V3Links(() -> advertisedBaseUrl(config));
        V3Producer v3Producer = new V3Producer(kafka.clusterAdmin(), kafka.writer(), schemas, providers,
                strategy);
        return List.of(new V3ClustersResource(admin, links), new V3TopicsResource(admin, links),
                new V3TopicConfigsResource(admin, links), new V3ConsumerGroupsResource(admin, links),
                new V3RecordsResource(admin, v3Producer));
    }

    private static ServerTls.Settings serverTlsSettings(Config config) {
        return new ServerTls.Settings(config.serverTlsCertfile().orElse(null), config.serverTlsKeyfile().orElse(null),
                config.serverTlsKeyfilePassword().orElse(null), config.serverTlsCafile().orElse(null),
                config.serverTlsClientAuth());
    }

    private KafkaClients kafkaClients(Config config) {
        String bootstrap = config.bootstrapUri().orElse(null);
        if (bootstrap == null) {
            EmbeddedKafka embedded = EmbeddedKafka.start(config.dataDir().resolve("kafka"),
                    config.embeddedKafkaPort(), config.embeddedKafkaControllerPort());
            shutdown.add(ShutdownPlan.Phase.STOP_KAFKA, embedded);
            bootstrap = embedded.bootstrapServers();
            LOG.info("No bootstrap_uri configured: started embedded Kafka at {} with data in {}", bootstrap,
                    config.dataDir().resolve("kafka").toAbsolutePath());
        } else {
            LOG.info("Using Kafka at {}", bootstrap);
        }
        return KafkaClients.fromConfig(config, bootstrap);
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

    private void finishRequestsInFlight() {
        if (!http.awaitRequestsInFlight(shutdownTimeout)) {
            requestsCut = true;
            LOG.warn("Requests still in flight after shutdown_timeout_ms ({} ms) were cut",
                    shutdownTimeout.toMillis());
        }
    }

    /** Stops in the phases of {@link ShutdownPlan}; false if requests in flight had to be cut. */
    public boolean stop() {
        shutdown.run();
        return !requestsCut;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    @Override
    public void close() {
        stop();
    }
}
