package io.karapace.jvm.registry;

/**
 * Whether this node may write to the schemas topic now, and under which term (the election's
 * generation). A write takes the term before it decides anything and checks it again before
 * each record it appends, so a node that lost the primary role in between writes nothing more.
 */
public interface PrimaryLease {
    /** A node alone, which always leads (tests and tools). */
    PrimaryLease SINGLE_NODE = new PrimaryLease() {
        @Override
        public long acquire() {
            return 0;
        }

        @Override
        public boolean holds(long term) {
            return true;
        }
    };

    /**
     * The term this node writes under now.
     *
     * @throws RegistryException 50004 when this node is not the primary, or not yet ready to act as one
     */
    long acquire();

    /** Whether this node still is the primary of that term. */
    boolean holds(long term);
}
