package io.karapace.jvm.registry;

/**
 * This node's part in the group, as the last election left it. {@code generation} is the group
 * generation the role belongs to (-1 when none); {@code primaryUrl} is where writes go (null when no
 * primary is known); {@code reason} says, for {@link Kind#NONE}, why there is no primary.
 */
public record Role(Kind kind, int generation, String primaryUrl, String reason) {

    public enum Kind {
        /** This node writes. */
        PRIMARY,
        /** This node was elected and is catching up with the log before it writes. */
        PROMOTING,
        /** Another node writes; writes are forwarded to it. */
        FOLLOWER,
        /** No primary is known; writes fail. */
        NONE
    }

    public static Role none(String reason) {
        return new Role(Kind.NONE, -1, null, reason);
    }

    public boolean isPrimary() {
        return kind == Kind.PRIMARY;
    }
}
