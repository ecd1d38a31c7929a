package io.karapace.jvm.cluster;

import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.registry.Election;
import io.karapace.jvm.registry.Role;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.GroupRebalanceConfig;
import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.internals.ConsumerNetworkClient;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.internals.ClusterResourceListeners;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election of this node's group over Kafka: one thread runs the group membership
 * ({@link SrCoordinator}); another promotes this node when it is chosen, by waiting out the grace
 * period and then fencing: it appends a NOOP marker to the schemas topic and waits until its own
 * reader has consumed it (Confluent's KafkaSchemaRegistry.setLeader and KafkaStore.getLatestOffset),
 * so every record of the previous primary is known before this node allocates an id.
 */
public final class GroupElection implements Election, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupElection.class);
    private static final long POLL_MS = 500;
    private static final long RETRY_MS = 1000;

    /** How this node takes part: its identity and the group's timing. */
    public record Settings(String groupId, MemberIdentity identity, String strategy, long graceMs,
                           int sessionTimeoutMs, String version) {
    }

    private final Settings settings;
    private final RoleTracker tracker;
    private final Runnable fence;
    private final ConsumerNetworkClient client;
    private final SrCoordinator coordinator;
    private final Metrics metrics;
    private final Thread thread;
    private final ExecutorService promotions = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "election-promotion");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile boolean running;
    private volatile int generation = -1;
    private final AtomicLong elections = new AtomicLong();

    private GroupElection(Settings settings, KafkaClients kafka, Runnable fence) {
        this.settings = settings;
        this.fence = fence;
        this.tracker = new RoleTracker(settings.groupId(), settings.graceMs(), settings.sessionTimeoutMs(),
                System::currentTimeMillis);
        ConsumerConfig config = new ConsumerConfig(properties(kafka, settings));
        Time time = Time.SYSTEM;
        LogContext logContext = new LogContext("[election " + settings.groupId() + "] ");
        metrics = new Metrics(new MetricConfig(), List.of(), time);
        long backoff = config.getLong(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG);
        long backoffMax = config.getLong(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG);
        Metadata metadata = new Metadata(backoff, backoffMax, config.getLong(CommonClientConfigs.METADATA_MAX_AGE_CONFIG),
                logContext, new ClusterResourceListeners());
        metadata.bootstrap(ClientUtils.parseAndValidateAddresses(
                config.getList(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG),
                config.getString(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)));
        NetworkClient network = ClientUtils.createNetworkClient(config, metrics, "karapace-election", logContext,
                new ApiVersions(), time, 100, metadata, null, null);
        int requestTimeout = config.getInt(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG);
        int heartbeat = heartbeatMs(settings);
        client = new ConsumerNetworkClient(logContext, network, metadata, time, backoff, requestTimeout, heartbeat);
        GroupRebalanceConfig rebalance = new GroupRebalanceConfig(settings.sessionTimeoutMs(),
                Math.max(settings.sessionTimeoutMs(), 30_000), heartbeat, settings.groupId(), Optional.empty(), null,
                backoff, backoffMax);
        coordinator = new SrCoordinator(rebalance, logContext, client, metrics, time, settings.identity(),
                settings.version(), strategy(settings.strategy()), new Listener());
        thread = new Thread(this::run, "election-" + settings.groupId());
        thread.setDaemon(true);
    }

    /**
     * Joins the group and returns at once; the role starts as "no primary" and follows the elections.
     *
     * @param fence appends the NOOP marker and returns once this node's reader has applied it
     */
    public static GroupElection start(Settings settings, KafkaClients kafka, Runnable fence) {
        GroupElection election = new GroupElection(settings, kafka, fence);
        election.thread.start();
        LOG.info("Election: joining group {} as {} (eligible: {}, strategy: {})", settings.groupId(),
                settings.identity().url(), settings.identity().masterEligibility(), settings.strategy());
        return election;
    }

    @Override
    public Role role() {
        return tracker.role();
    }

    @Override
    public Role awaitSettled(Duration timeout) throws InterruptedException {
        return tracker.awaitSettled(timeout);
    }

    @Override
    public long acquire() {
        return tracker.acquire();
    }

    @Override
    public boolean holds(long term) {
        return tracker.holds(term);
    }

    public boolean eligible() {
        return settings.identity().masterEligibility();
    }

    /** Whether this node currently is a member of the group with a known coordinator. */
    public boolean coordinatorRunning() {
        return running;
    }

    /** How many elections (completed joins of the group) this node has taken part in. */
    public long elections() {
        return elections.get();
    }

    /** The generation of the last completed join, -1 before any. */
    public int generation() {
        return generation;
    }

    private void run() {
        while (!closed) {
            try {
                coordinator.pollOnce(POLL_MS);
                running = coordinator.isStableMember();
                if (running) {
                    tracker.confirmed();
                } else {
                    tracker.expireLease();
                }
            } catch (WakeupException e) {
                // close() interrupts the poll; the loop condition ends the thread
            } catch (RuntimeException e) {
                running = false;
                tracker.revoked("election failed: " + e.getMessage());
                if (!closed) {
                    LOG.warn("Election: group {} failed, retrying: {}", settings.groupId(), e.toString());
                    pause(RETRY_MS);
                }
            }
        }
    }

    private void promote(RoleTracker.Promotion promotion) {
        long started = System.currentTimeMillis();
        while (tracker.isPromoting(promotion.generation()) && !closed) {
            try {
                if (promotion.waitMs() > 0) {
                    Thread.sleep(promotion.waitMs());
                }
                if (!tracker.isPromoting(promotion.generation())) {
                    return;
                }
                fence.run();
                tracker.promoted(promotion.generation(), System.currentTimeMillis() - started);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Election: generation {}: could not fence the schemas topic, retrying: {}",
                        promotion.generation(), e.getMessage());
                pause(RETRY_MS);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the group first, so that another node becomes primary at once, then stops. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        promotions.shutdownNow();
        try {
            coordinator.leave(5000);
        } catch (RuntimeException e) {
            LOG.debug("Election: leaving group {} failed: {}", settings.groupId(), e.toString());
        }
        tracker.ended("this node is stopping");
        metrics.close();
        LOG.info("Election: left group {}", settings.groupId());
    }

    private final class Listener implements SrCoordinator.Listener {
        @Override
        public void revoked() {
            tracker.revoked("a rebalance of the group is under way");
        }

        @Override
        public boolean wasPrimary() {
            return tracker.wasPrimary();
        }

        @Override
        public void assigned(int generationId, String memberId, Assignment assignment) {
            generation = generationId;
            elections.incrementAndGet();
            RoleTracker.Promotion promotion = tracker.assigned(generationId, memberId, assignment);
            if (promotion != null) {
                promotions.execute(() -> promote(promotion));
            }
        }
    }

    private static int heartbeatMs(Settings settings) {
        return Math.max(100, settings.sessionTimeoutMs() / 3);
    }

    private static PrimaryChoice.Strategy strategy(String name) {
        return "highest".equalsIgnoreCase(name) ? PrimaryChoice.Strategy.HIGHEST : PrimaryChoice.Strategy.LOWEST;
    }

    private static Properties properties(KafkaClients kafka, Settings settings) {
        return kafka.properties("election", Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(settings.sessionTimeoutMs()),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(heartbeatMs(settings))));
    }
}
