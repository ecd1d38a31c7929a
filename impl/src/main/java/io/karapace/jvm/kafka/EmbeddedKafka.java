package io.karapace.jvm.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (broker and KRaft controller in one process) bound to loopback, keeping its
 * data in a directory that survives restarts. The product starts one when no external Kafka is set.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code dataDir} on first use, starts the node and waits until it answers. A port of 0
     * means a free port picked now.
     *
     * @throws IllegalStateException when the node cannot start (port taken, data dir locked, ...)
     */
    public static EmbeddedKafka start(Path dataDir, int brokerPort, int controllerPort) {
        return start(dataDir, brokerPort, controllerPort, Map.of());
    }

    /**
     * As {@link #start(Path, int, int)} with broker properties added or replaced, e.g. more listeners
     * with SASL and TLS; a replaced {@code listeners} must keep {@code PLAINTEXT} on {@code brokerPort},
     * which {@link #bootstrapServers()} names and readiness is checked on.
     */
    public static EmbeddedKafka start(Path dataDir, int brokerPort, int controllerPort, Map<String, String> overrides) {
        int broker = brokerPort == 0 ? freePort() : brokerPort;
        int controller = controllerPort == 0 ? freePort() : controllerPort;
        String bootstrap = HOST + ":" + broker;
        Properties props = properties(dataDir, broker, controller);
        overrides.forEach((key, value) -> props.put(key, value.replace("{broker}", String.valueOf(broker))
                .replace("{controller}", String.valueOf(controller))));
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatOnce(dataDir, config);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
            awaitAnswering(bootstrap);
        } catch (Exception e) {
            server.shutdown();
            server.awaitShutdown();
            throw new IllegalStateException("Embedded Kafka could not start on " + bootstrap
                    + " (controller port " + controller + ", data dir " + dataDir + "): " + e.getMessage(), e);
        }
        LOG.info("Embedded Kafka ready on {} with data in {}", bootstrap, dataDir);
        return new EmbeddedKafka(server, bootstrap);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Embedded Kafka on {} stopped", bootstrapServers);
    }

    private static Properties properties(Path dataDir, int broker, int controller) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controller);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + broker + ",CONTROLLER://" + HOST + ":" + controller);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + broker);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        putSmallFootprint(props);
        return props;
    }

    /** One node serving a handful of clients: the defaults size threads and buffers for a cluster member. */
    private static void putSmallFootprint(Properties props) {
        props.put("log.cleaner.dedupe.buffer.size", "4194304");
        props.put("log.cleaner.threads", "1");
        props.put("num.network.threads", "1");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("group.coordinator.threads", "1");
        props.put("share.coordinator.threads", "1");
    }

    /** Formatting again with a new cluster id fails, so a formatted directory is left as it is. */
    private static void formatOnce(Path dataDir, KafkaConfig config) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dataDir.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data dir " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void awaitAnswering(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(READY_TIMEOUT.toMillis()));
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for embedded Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded Kafka did not answer within " + READY_TIMEOUT, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }
}
