package io.karapace.jvm.registry;

/**
 * This node's part in the group, as the last election left it. {@code generation} is the group
 * generation the role belongs to (-1 when none); {@code primaryUrl} is where writes go (null when no
 * primary is known); {@code reason} says, without a primary, why there is none.
 */
public record Role(Kind kind, int generation, String primaryUrl, String reason) {

    public enum Kind {
        /** This node writes. */
        PRIMARY,
        /** This node was elected and is catching up with the log before it writes. */
        PROMOTING,
        /** Another node writes; writes are forwarded to it. */
        FOLLOWER,
        /** An election is under way (joining, a rebalance, the coordinator out of reach); writes wait for it. */
        ELECTING,
        /** The election settled without a primary; writes fail. */
        NONE
    }

    public static Role none(String reason) {
        return new Role(Kind.NONE, -1, null, reason);
    }

    public static Role electing(String reason) {
        return new Role(Kind.ELECTING, -1, null, reason);
    }

    /** Whether the role may still change by itself soon (a write waits for that, bounded). */
    public boolean isSettling() {
        return kind == Kind.PROMOTING || kind == Kind.ELECTING;
    }

    public boolean isPrimary() {
        return kind == Kind.PRIMARY;
    }
}
