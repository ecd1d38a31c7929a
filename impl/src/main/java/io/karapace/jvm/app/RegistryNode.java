package io.karapace.jvm.app;

import io.karapace.jvm.cluster.ForwardingWrites;
import io.karapace.jvm.cluster.GroupElection;
import io.karapace.jvm.cluster.MemberIdentity;
import io.karapace.jvm.config.Config;
import io.karapace.jvm.http.registry.ServerResource;
import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.metrics.ClusterMeters;
import io.karapace.jvm.registry.Election;
import io.karapace.jvm.registry.ElectedWrites;
import io.karapace.jvm.registry.LocalWrites;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.registry.RegistryWrites;
import io.karapace.jvm.registry.Role;
import java.time.Duration;

/**
 * This node as a member of its registry group: the election, and the writes it routes (made here
 * as primary, forwarded otherwise). Writes exist from the start and are refused with 50004 until
 * {@link #join} has run and an election completed; the join waits for HTTP to listen, since the
 * identity other nodes forward to carries the port.
 */
final class RegistryNode implements AutoCloseable {
    private final Config config;
    private final KafkaClients kafka;
    private final RegistryService registry;
    private final ForwardingWrites forward;
    private final RegistryWrites writes;
    private volatile GroupElection election;

    RegistryNode(Config config, KafkaClients kafka, RegistryService registry) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
        Duration storeTimeout = Duration.ofMillis(config.storeTimeoutMs());
        Election current = new Current();
        this.forward = new ForwardingWrites(current::role, registry::awaitCaughtUp, storeTimeout);
        Duration settle = Duration.ofMillis(config.waitingTimeBeforeActingAsMasterMs()).plus(storeTimeout);
        this.writes = new ElectedWrites(current, new LocalWrites(registry, current), forward, settle);
    }

    RegistryWrites writes() {
        return writes;
    }

    /** Joins the election group as the node at {@code host:port} over {@code scheme}. */
    void join(String scheme, String host, int port) {
        MemberIdentity identity = new MemberIdentity(host, port, scheme, config.masterEligibility());
        election = GroupElection.start(new GroupElection.Settings(config.groupId(), identity,
                config.masterElectionStrategy(), config.waitingTimeBeforeActingAsMasterMs(),
                config.sessionTimeoutMs(), Version.NUMBER), kafka, registry::fence);
    }

    ServerResource.ClusterStatus status() {
        GroupElection current = election;
        if (current == null) {
            return new ServerResource.ClusterStatus(false, config.masterEligibility(), null, false, -1, () -> false);
        }
        Role role = current.role();
        return new ServerResource.ClusterStatus(role.isPrimary(), current.eligible(), role.primaryUrl(),
                current.coordinatorRunning(), current.generation(), forward::primaryAvailable);
    }

    /** What /metrics shows of this node: its role, its elections and the writes it forwarded. */
    ClusterMeters.Node meters() {
        return new ClusterMeters.Node(() -> status().primary(), () -> status().generation(),
                () -> election == null ? 0 : election.elections(), forward::forwardedWrites, forward::failedForwards);
    }

    /** Leaves the group first, so that another node becomes primary at once. */
    @Override
    public void close() {
        GroupElection current = election;
        if (current != null) {
            current.close();
        }
    }

    /** The election once joined; before that, no primary. */
    private final class Current implements Election {
        private final Role joining = Role.electing("this node has not joined its group yet");

        @Override
        public Role role() {
            GroupElection current = election;
            return current == null ? joining : current.role();
        }

        @Override
        public Role awaitSettled(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (election == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            GroupElection current = election;
            return current == null ? joining : current.awaitSettled(Duration.ofNanos(Math.max(0,
                    deadline - System.nanoTime())));
        }

        @Override
        public long acquire() {
            GroupElection current = election;
            if (current == null) {
                throw io.karapace.jvm.registry.RegistryError.NO_PRIMARY.exception("Leader not known: " + joining.reason());
            }
            return current.acquire();
        }

        @Override
        public boolean holds(long term) {
            GroupElection current = election;
            return current != null && current.holds(term);
        }
    }
}
