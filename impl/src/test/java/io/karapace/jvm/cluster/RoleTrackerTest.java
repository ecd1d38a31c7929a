package io.karapace.jvm.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.registry.RegistryException;
import io.karapace.jvm.registry.Role;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The role's life cycle on an injected clock. The grace period and its skip rule follow Karapace
 * 3.9.0 schema_coordinator._on_join_complete (wait waiting_time_before_acting_as_master_ms unless
 * this node was master less than that long ago); the rule that losing the role stops writes
 * at once, and API.md B.6 for 50004 without a primary.
 */
class RoleTrackerTest {
    private static final long GRACE = 5000;
    private static final long SESSION = 10000;
    private static final MemberIdentity ME = new MemberIdentity("a", 1, "http", true);
    private static final MemberIdentity OTHER = new MemberIdentity("b", 1, "http", true);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RoleTracker tracker = new RoleTracker("g", GRACE, SESSION, now::get);

    private RoleTracker.Promotion electMe(int generation) {
        return tracker.assigned(generation, "me", new Assignment(0, "me", ME));
    }

    @Test
    void aFirstElectionWaitsTheGracePeriodAndWritesOnlyOncePromoted() {
        RoleTracker.Promotion promotion = electMe(1);
        assertEquals(new RoleTracker.Promotion(1, GRACE), promotion);
        assertEquals(Role.Kind.PROMOTING, tracker.role().kind());
        tracker.confirmed();
        assertThrows(RegistryException.class, tracker::acquire);
        assertTrue(tracker.promoted(1, GRACE));
        assertEquals(1, tracker.acquire());
        assertTrue(tracker.holds(1));
    }

    @Test
    void reElectedWithinTheGracePeriodActsAtOnce() {
        electMe(1);
        tracker.promoted(1, 0);
        tracker.revoked("a rebalance of the group is under way");
        now.addAndGet(GRACE - 1);
        assertEquals(0, electMe(2).waitMs());
    }

    @Test
    void reElectedAfterTheGracePeriodWaitsAgain() {
        electMe(1);
        tracker.promoted(1, 0);
        tracker.revoked("a rebalance of the group is under way");
        now.addAndGet(GRACE);
        assertEquals(GRACE, electMe(2).waitMs());
    }

    @Test
    void aRebalanceEndsTheRoleAtOnceAndTheOldTermNoLongerHolds() {
        electMe(1);
        tracker.confirmed();
        tracker.promoted(1, 0);
        tracker.revoked("a rebalance of the group is under way");
        assertFalse(tracker.holds(1));
        RegistryException e = assertThrows(RegistryException.class, tracker::acquire);
        assertEquals(50004, e.errorCode());
        assertEquals("Leader not known: a rebalance of the group is under way", e.getMessage());
        assertTrue(tracker.wasPrimary(), "sent as leader=true in the next join, so the role stays here");
    }

    @Test
    void aPromotionOfAnEarlierGenerationIsIgnored() {
        electMe(1);
        tracker.revoked("a rebalance of the group is under way");
        electMe(2);
        assertFalse(tracker.promoted(1, 0));
        assertEquals(Role.Kind.PROMOTING, tracker.role().kind());
    }

    @Test
    void withoutAConfirmationWithinTheSessionTimeoutThePrimaryStopsWriting() {
        electMe(1);
        tracker.promoted(1, 0);
        tracker.confirmed();
        now.addAndGet(SESSION - 1);
        assertTrue(tracker.holds(1));
        now.addAndGet(1);
        assertFalse(tracker.holds(1));
        assertThrows(RegistryException.class, tracker::acquire);
    }

    @Test
    void aFollowerKnowsThePrimarysUrl() {
        assertNull(tracker.assigned(3, "me", new Assignment(0, "other", OTHER)));
        assertEquals(new Role(Role.Kind.FOLLOWER, 3, "http://b:1", null), tracker.role());
    }

    @Test
    void anAssignedPrimaryThatIsNotEligibleMeansNoPrimary() {
        MemberIdentity ineligible = new MemberIdentity("a", 1, "http", false);
        assertNull(tracker.assigned(4, "me", new Assignment(0, "me", ineligible)));
        assertEquals(Role.Kind.NONE, tracker.role().kind());
        assertEquals("no node of group g is eligible to become the primary (master_eligibility)",
                tracker.role().reason());
    }

    @Test
    void duplicateUrlsMeanNoPrimaryWithTheReason() {
        assertNull(tracker.assigned(5, "me", new Assignment(Assignment.DUPLICATE_URLS, null, null)));
        assertEquals(Role.Kind.NONE, tracker.role().kind());
        assertTrue(tracker.role().reason().contains("advertise the same URL"), tracker.role().reason());
    }

    @Test
    void awaitSettledReturnsOnceThePromotionEnds() throws InterruptedException {
        electMe(1);
        Thread promoter = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tracker.promoted(1, 50);
        });
        promoter.start();
        // the injected clock stands still, so the timeout cannot end this wait: only the promotion can
        assertEquals(Role.Kind.PRIMARY, tracker.awaitSettled(Duration.ofMillis(1)).kind());
        promoter.join();
    }
}
