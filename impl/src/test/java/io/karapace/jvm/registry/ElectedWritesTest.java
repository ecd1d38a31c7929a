package io.karapace.jvm.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which node makes a write (API.md B.6): the primary itself; a follower hands it on; with no primary
 * 500 / 50004 naming why; a request already forwarded once is not forwarded again.
 */
class ElectedWritesTest {
    private final List<String> calls = new ArrayList<>();
    private Role role;

    private final Election election = new Election() {
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
            return role.generation();
        }

        @Override
        public boolean holds(long term) {
            return true;
        }
    };

    private final ElectedWrites writes = new ElectedWrites(election, recording("local"), recording("forward"),
            Duration.ofSeconds(1));

    @Test
    void thePrimaryWritesItself() {
        role = new Role(Role.Kind.PRIMARY, 3, "http://a:1", null);
        writes.register("s", SchemaRequest.of("\"int\""), false, WriteOrigin.INTERNAL);
        writes.updateMode("s", "READONLY", false, WriteOrigin.INTERNAL);
        assertEquals(List.of("local register s", "local updateMode s"), calls);
    }

    @Test
    void aFollowerForwardsEveryWrite() {
        role = new Role(Role.Kind.FOLLOWER, 3, "http://a:1", null);
        writes.deleteSubject("s", false, WriteOrigin.INTERNAL);
        writes.deleteConfig(null, WriteOrigin.INTERNAL);
        assertEquals(List.of("forward deleteSubject s", "forward deleteConfig null"), calls);
    }

    @Test
    void aForwardedRequestReachingAFollowerIsRefusedNotForwardedAgain() {
        role = new Role(Role.Kind.FOLLOWER, 3, "http://a:1", null);
        WriteOrigin forwarded = new WriteOrigin(Map.of(), true);
        RegistryException e = assertThrows(RegistryException.class,
                () -> writes.register("s", SchemaRequest.of("\"int\""), false, forwarded));
        assertEquals(50004, e.errorCode());
        assertEquals(500, e.httpStatus());
        assertEquals(List.of(), calls);
    }

    @Test
    void withoutAPrimaryWritesFailWith50004NamingTheReason() {
        role = Role.none("no node of group g is eligible to become the primary (master_eligibility)");
        RegistryException e = assertThrows(RegistryException.class,
                () -> writes.updateConfig("s", null, WriteOrigin.INTERNAL));
        assertEquals(50004, e.errorCode());
        assertEquals("Leader not known: no node of group g is eligible to become the primary (master_eligibility)",
                e.getMessage());
    }

    @Test
    void aPrimaryStillCatchingUpWhenTheWaitEndsRefusesWith50004() {
        role = new Role(Role.Kind.PROMOTING, 3, "http://a:1", null);
        RegistryException e = assertThrows(RegistryException.class,
                () -> writes.deleteMode("s", WriteOrigin.INTERNAL));
        assertEquals(50004, e.errorCode());
    }

    private RegistryWrites recording(String name) {
        return new RegistryWrites() {
            @Override
            public int register(String subject, SchemaRequest request, boolean normalize, WriteOrigin origin) {
                calls.add(name + " register " + subject);
                return 1;
            }

            @Override
            public int deleteVersion(String subject, VersionSpec spec, boolean permanent, WriteOrigin origin) {
                calls.add(name + " deleteVersion " + subject);
                return 1;
            }

            @Override
            public List<Integer> deleteSubject(String subject, boolean permanent, WriteOrigin origin) {
                calls.add(name + " deleteSubject " + subject);
                return List.of(1);
            }

            @Override
            public ObjectNode updateConfig(String subject, ObjectNode update, WriteOrigin origin) {
                calls.add(name + " updateConfig " + subject);
                return update;
            }

            @Override
            public ObjectNode deleteConfig(String subject, WriteOrigin origin) {
                calls.add(name + " deleteConfig " + subject);
                return null;
            }

            @Override
            public Mode updateMode(String subject, String mode, boolean force, WriteOrigin origin) {
                calls.add(name + " updateMode " + subject);
                return Mode.READONLY;
            }

            @Override
            public Mode deleteMode(String subject, WriteOrigin origin) {
                calls.add(name + " deleteMode " + subject);
                return Mode.READWRITE;
            }
        };
    }
}
