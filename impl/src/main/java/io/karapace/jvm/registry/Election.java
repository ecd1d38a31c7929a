package io.karapace.jvm.registry;

import java.time.Duration;

/** The election as the registry sees it: this node's role, and the lease its writes hold. */
public interface Election extends PrimaryLease {

    /** A node alone, always primary (tests and tools). */
    Election SINGLE_NODE = new Election() {
        private final Role role = new Role(Role.Kind.PRIMARY, 0, null, null);

        @Override
        public Role role() {
            return role;
        }

        @Override
        public Role awaitSettled(Duration timeout) {
            return role;
        }

        @Override
        public long acquire() {
            return 0;
        }

        @Override
        public boolean holds(long term) {
            return true;
        }
    };

    Role role();

    /** The role once it no longer {@link Role#isSettling settles}, or as it is when the timeout passes. */
    Role awaitSettled(Duration timeout) throws InterruptedException;
}
