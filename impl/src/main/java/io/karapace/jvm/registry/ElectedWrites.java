package io.karapace.jvm.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * Writes as the election stands at each call: made here when this node is the primary, handed to
 * the primary when another node is, refused with 50004 when there is none. While an election is
 * under way, or the node just elected catches up, a write waits for the outcome (bounded by
 * {@code settleTimeout}) instead of failing.
 * A request that already was forwarded once is never forwarded again.
 */
public final class ElectedWrites implements RegistryWrites {
    private final Election election;
    private final RegistryWrites local;
    private final RegistryWrites forward;
    private final Duration settleTimeout;

    public ElectedWrites(Election election, RegistryWrites local, RegistryWrites forward, Duration settleTimeout) {
        this.election = election;
        this.local = local;
        this.forward = forward;
        this.settleTimeout = settleTimeout;
    }

    @Override
    public int register(String subject, SchemaRequest request, boolean normalize, WriteOrigin origin) {
        return target(origin).register(subject, request, normalize, origin);
    }

    @Override
    public int deleteVersion(String subject, VersionSpec spec, boolean permanent, WriteOrigin origin) {
        return target(origin).deleteVersion(subject, spec, permanent, origin);
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent, WriteOrigin origin) {
        return target(origin).deleteSubject(subject, permanent, origin);
    }

    @Override
    public ObjectNode updateConfig(String subject, ObjectNode update, WriteOrigin origin) {
        return target(origin).updateConfig(subject, update, origin);
    }

    @Override
    public ObjectNode deleteConfig(String subject, WriteOrigin origin) {
        return target(origin).deleteConfig(subject, origin);
    }

    @Override
    public Mode updateMode(String subject, String mode, boolean force, WriteOrigin origin) {
        return target(origin).updateMode(subject, mode, force, origin);
    }

    @Override
    public Mode deleteMode(String subject, WriteOrigin origin) {
        return target(origin).deleteMode(subject, origin);
    }

    private RegistryWrites target(WriteOrigin origin) {
        Role role = election.role();
        if (role.isSettling()) {
            try {
                role = election.awaitSettled(settleTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryError.NO_PRIMARY.exception("Leader not known: interrupted while the primary caught up");
            }
        }
        return switch (role.kind()) {
            case PRIMARY -> local;
            case FOLLOWER -> {
                if (origin.forwarded()) {
                    throw RegistryError.NO_PRIMARY.exception("Leader not known: this node received a forwarded "
                            + "request but is not the primary (the primary changed); retry");
                }
                yield forward;
            }
            case PROMOTING -> throw RegistryError.NO_PRIMARY.exception(
                    "Leader not known: the elected primary is still catching up with the schemas topic; retry");
            case ELECTING, NONE -> throw RegistryError.NO_PRIMARY.exception("Leader not known: " + role.reason());
        };
    }
}
