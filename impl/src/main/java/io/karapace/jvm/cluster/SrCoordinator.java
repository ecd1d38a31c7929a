package io.karapace.jvm.cluster;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.GroupRebalanceConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.internals.AbstractCoordinator;
import org.apache.kafka.clients.consumer.internals.ConsumerNetworkClient;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.message.JoinGroupResponseData.JoinGroupResponseMember;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership of the election group through Kafka's own group protocol (the machinery Kafka
 * Connect's WorkerCoordinator and Confluent's SchemaRegistryCoordinator build on): protocol type
 * {@code sr}, one sub-protocol {@code v0} carrying this node's {@link MemberIdentity}. The member
 * Kafka picks as group leader computes the {@link Assignment} for all; every member hands the one
 * it receives to its {@link Listener}. All methods run on the election thread.
 */
final class SrCoordinator extends AbstractCoordinator {
    static final String PROTOCOL_TYPE = "sr";
    static final String SUB_PROTOCOL = "v0";
    /** Our own lines; Kafka's coordinator logs under this class's name, and is quieted to WARN. */
    private static final Logger LOG = LoggerFactory.getLogger(GroupElection.class);

    interface Listener {
        /** A rebalance starts: whatever role this node had ends now. */
        void revoked();

        /** Whether this node was the primary when the current rebalance began (sent as {@code leader}). */
        boolean wasPrimary();

        void assigned(int generation, String memberId, Assignment assignment);
    }

    private final MemberIdentity identity;
    private final String version;
    private final PrimaryChoice.Strategy strategy;
    private final Listener listener;

    SrCoordinator(GroupRebalanceConfig config, LogContext logContext, ConsumerNetworkClient client, Metrics metrics,
                  Time time, MemberIdentity identity, String version, PrimaryChoice.Strategy strategy,
                  Listener listener) {
        super(config, logContext, client, metrics, "karapace-election", time);
        this.identity = identity;
        this.version = version;
        this.strategy = strategy;
        this.listener = listener;
    }

    @Override
    protected String protocolType() {
        return PROTOCOL_TYPE;
    }

    @Override
    protected JoinGroupRequestProtocolCollection metadata() {
        JoinGroupRequestProtocol v0 = new JoinGroupRequestProtocol().setName(SUB_PROTOCOL)
                .setMetadata(identity.asPrimary(listener.wasPrimary()).toBytes(version));
        return new JoinGroupRequestProtocolCollection(List.of(v0).iterator());
    }

    @Override
    protected boolean onJoinPrepare(Timer timer, int generation, String memberId) {
        listener.revoked();
        return true;
    }

    @Override
    protected void onLeavePrepare() {
        listener.revoked();
    }

    @Override
    protected Map<String, ByteBuffer> onLeaderElected(String leaderId, String protocol,
                                                      List<JoinGroupResponseMember> allMemberMetadata,
                                                      boolean skipAssignment) {
        List<PrimaryChoice.Member> members = new ArrayList<>();
        for (JoinGroupResponseMember member : allMemberMetadata) {
            try {
                members.add(new PrimaryChoice.Member(member.memberId(), MemberIdentity.parse(member.metadata())));
            } catch (IllegalArgumentException e) {
                LOG.error("Election: ignoring member {} of the group: {}", member.memberId(), e.getMessage());
            }
        }
        Assignment assignment = PrimaryChoice.choose(members, strategy);
        if (assignment.error() == Assignment.DUPLICATE_URLS) {
            LOG.error("Election: several members of the group advertise the same URL {}; no primary is assigned "
                    + "and writes are refused until each node has its own advertised_hostname/advertised_port",
                    PrimaryChoice.duplicateUrls(members));
        } else if (assignment.primary() != null) {
            LOG.info("Election: as group leader, chose {} ({}) as primary among {} members",
                    assignment.primary().url(), assignment.primaryMemberId(), members.size());
        }
        byte[] bytes = assignment.toBytes(version);
        Map<String, ByteBuffer> result = new HashMap<>();
        for (JoinGroupResponseMember member : allMemberMetadata) {
            result.put(member.memberId(), ByteBuffer.wrap(bytes));
        }
        return result;
    }

    @Override
    protected void onJoinComplete(int generation, String memberId, String protocol, ByteBuffer memberAssignment) {
        byte[] bytes = new byte[memberAssignment.remaining()];
        memberAssignment.get(bytes);
        Assignment assignment;
        try {
            assignment = Assignment.parse(bytes);
        } catch (IllegalArgumentException e) {
            LOG.error("Election: unreadable assignment in generation {}: {}", generation, e.getMessage());
            assignment = new Assignment(Assignment.NO_ERROR, null, null);
        }
        listener.assigned(generation, memberId, assignment);
    }

    /**
     * One round of the election thread: find the coordinator, (re)join when needed, heartbeat, and
     * wait for network events at most {@code maxWaitMs}. Blocks while the coordinator is unknown or
     * a join is under way; {@link ConsumerNetworkClient#wakeup()} interrupts it.
     */
    void pollOnce(long maxWaitMs) {
        if (coordinatorUnknown()) {
            ensureCoordinatorReady(time.timer(maxWaitMs));
            return;
        }
        if (rejoinNeededOrPending()) {
            ensureActiveGroup();
        }
        long now = time.milliseconds();
        pollHeartbeat(now);
        client.poll(time.timer(Math.max(0, Math.min(maxWaitMs, timeToNextHeartbeat(now)))));
    }

    /** Whether the coordinator is known and this member holds a stable generation. */
    boolean isStableMember() {
        return !coordinatorUnknown() && generationIfStable() != null;
    }

    int currentGeneration() {
        return generation().generationId;
    }

    /** Leaves the group at once, so the others elect a new primary without waiting for the session timeout. */
    void leave(long timeoutMs) {
        close(time.timer(timeoutMs), CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    }
}
