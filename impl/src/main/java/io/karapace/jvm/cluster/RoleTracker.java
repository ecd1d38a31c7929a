package io.karapace.jvm.cluster;

import io.karapace.jvm.registry.RegistryError;
import io.karapace.jvm.registry.Role;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's role, moved along by what the election thread sees; read by request threads.
 * <ul>
 * <li>Assigned primary: {@code PROMOTING}, then {@code PRIMARY} once the promotion (grace period and
 * fence) is done for that same generation. The grace period (Karapace's
 * {@code waiting_time_before_acting_as_master_ms}) is skipped when this node was primary less than
 * that long ago, as Karapace does: no other primary can have written in between.</li>
 * <li>A rebalance ends the role at once. A coordinator out of reach does not by itself: the group
 * keeps this member until its session expires, so the role lasts as long as the lease.</li>
 * </ul>
 * The lease: writes are allowed only while the election thread confirmed a stable membership within
 * the session timeout, so a node whose election thread stalls stops writing by itself.
 */
final class RoleTracker {
    private static final Logger LOG = LoggerFactory.getLogger(RoleTracker.class);

    /** What the election thread must do after an assignment that made this node primary. */
    record Promotion(int generation, long waitMs) {
    }

    private final String groupId;
    private final long graceMs;
    private final long leaseMs;
    private final LongSupplier clockMs;
    private Role role = Role.electing("the election has not completed yet");
    private long lastPrimaryMs = Long.MIN_VALUE;
    private long confirmedMs = Long.MIN_VALUE;
    private boolean primaryBeforeRebalance;

    RoleTracker(String groupId, long graceMs, long leaseMs, LongSupplier clockMs) {
        this.groupId = groupId;
        this.graceMs = graceMs;
        this.leaseMs = leaseMs;
        this.clockMs = clockMs;
    }

    synchronized Role role() {
        return role;
    }

    /** The role ends; an election follows (a rebalance, a rejoin). */
    synchronized void revoked(String reason) {
        end(Role.electing(reason));
    }

    /** The role ends and no election follows (this node stops). */
    synchronized void ended(String reason) {
        end(Role.none(reason));
    }

    /** Ends the role once the lease ran out: the group may have elected another primary meanwhile. */
    synchronized void expireLease() {
        if ((role.kind() == Role.Kind.PRIMARY || role.kind() == Role.Kind.PROMOTING) && !leaseValid()) {
            revoked("no contact with the group coordinator within the session timeout");
        }
    }

    private void end(Role next) {
        if (role.kind() == Role.Kind.PRIMARY || role.kind() == Role.Kind.PROMOTING) {
            primaryBeforeRebalance = role.kind() == Role.Kind.PRIMARY;
            lastPrimaryMs = clockMs.getAsLong();
            LOG.info("Election: no longer primary of group {} (generation {}): {}", groupId, role.generation(),
                    next.reason());
        }
        if (!next.equals(role)) {
            set(next);
        }
    }

    /** Applies the assignment of a completed join; returns the promotion to run when this node was chosen. */
    synchronized Promotion assigned(int generation, String memberId, Assignment assignment) {
        primaryBeforeRebalance = false;
        MemberIdentity primary = assignment.primary();
        if (assignment.error() == Assignment.DUPLICATE_URLS) {
            set(new Role(Role.Kind.NONE, generation, null, "several nodes of group " + groupId
                    + " advertise the same URL; give each its own advertised_hostname and advertised_port"));
            LOG.error("Election: generation {} of group {} has no primary: duplicate member URLs", generation, groupId);
            return null;
        }
        if (primary == null || !primary.masterEligibility()) {
            set(new Role(Role.Kind.NONE, generation, null,
                    "no node of group " + groupId + " is eligible to become the primary (master_eligibility)"));
            LOG.warn("Election: generation {} of group {} has no eligible primary; writes are refused", generation,
                    groupId);
            return null;
        }
        if (!memberId.equals(assignment.primaryMemberId())) {
            set(new Role(Role.Kind.FOLLOWER, generation, primary.url(), null));
            LOG.info("Election: generation {} of group {}: following primary {}", generation, groupId, primary.url());
            return null;
        }
        long now = clockMs.getAsLong();
        boolean recentlyPrimary = lastPrimaryMs != Long.MIN_VALUE && now - lastPrimaryMs < graceMs;
        long waitMs = recentlyPrimary ? 0 : graceMs;
        set(new Role(Role.Kind.PROMOTING, generation, primary.url(), null));
        LOG.info("Election: generation {} of group {}: elected primary; acting as primary after {} ms and once the "
                + "schemas topic is read to its end", generation, groupId, waitMs);
        return new Promotion(generation, waitMs);
    }

    /** The promotion of {@code generation} completed; returns false when the role moved on meanwhile. */
    synchronized boolean promoted(int generation, long tookMs) {
        if (role.kind() != Role.Kind.PROMOTING || role.generation() != generation) {
            return false;
        }
        set(new Role(Role.Kind.PRIMARY, generation, role.primaryUrl(), null));
        LOG.info("Election: generation {} of group {}: acting as primary {} ({} ms after the election)",
                generation, groupId, role.primaryUrl(), tookMs);
        return true;
    }

    /** Whether this node was primary until the rebalance under way began. */
    synchronized boolean wasPrimary() {
        return primaryBeforeRebalance;
    }

    synchronized boolean isPromoting(int generation) {
        return role.kind() == Role.Kind.PROMOTING && role.generation() == generation;
    }

    /** The election thread saw a stable membership now. */
    synchronized void confirmed() {
        confirmedMs = clockMs.getAsLong();
    }

    synchronized Role awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = clockMs.getAsLong() + timeout.toMillis();
        while (role.isSettling()) {
            long left = deadline - clockMs.getAsLong();
            if (left <= 0) {
                break;
            }
            wait(Math.min(left, 100));
        }
        return role;
    }

    synchronized long acquire() {
        if (role.kind() == Role.Kind.PRIMARY && leaseValid()) {
            return role.generation();
        }
        String reason = switch (role.kind()) {
            case PRIMARY -> "this node has not heard from the group coordinator within the session timeout";
            case PROMOTING -> "this node is still catching up before it acts as primary";
            case FOLLOWER -> "this node is not the primary (the primary is " + role.primaryUrl() + ")";
            case ELECTING, NONE -> role.reason();
        };
        throw RegistryError.NO_PRIMARY.exception("Leader not known: " + reason);
    }

    synchronized boolean holds(long term) {
        return role.kind() == Role.Kind.PRIMARY && role.generation() == term && leaseValid();
    }

    private boolean leaseValid() {
        return confirmedMs != Long.MIN_VALUE && clockMs.getAsLong() - confirmedMs < leaseMs;
    }

    private void set(Role next) {
        role = next;
        notifyAll();
    }
}
