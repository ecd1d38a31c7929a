package io.karapace.jvm.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The group leader's choice. Sources: Karapace 3.9.0 src/karapace/coordinator/schema_coordinator.py
 * perform_assignment (URL sort, "highest" reverses it, a non-eligible member is named when none is
 * eligible); Confluent 7.x SchemaRegistryCoordinator / SchemaRegistryProtocol (error 1 =
 * DUPLICATE_URLS, leader.election.sticky keeps the member flagged {@code leader}).
 */
class PrimaryChoiceTest {

    private static PrimaryChoice.Member member(String id, String host, int port, boolean eligible) {
        return new PrimaryChoice.Member(id, new MemberIdentity(host, port, "http", eligible));
    }

    private static PrimaryChoice.Member sitting(String id, String host, int port) {
        return new PrimaryChoice.Member(id, new MemberIdentity(host, port, "http", true, true));
    }

    private static final List<PrimaryChoice.Member> THREE = List.of(
            member("m-b", "b", 8081, true), member("m-a", "a", 8081, true), member("m-c", "c", 8081, true));

    @Test
    void lowestUrlWinsByDefaultAndHighestReversesTheOrder() {
        assertEquals("m-a", PrimaryChoice.choose(THREE, PrimaryChoice.Strategy.LOWEST).primaryMemberId());
        assertEquals("m-c", PrimaryChoice.choose(THREE, PrimaryChoice.Strategy.HIGHEST).primaryMemberId());
    }

    @Test
    void urlsSortAsTextSoThePortDecidesBetweenNodesOfOneHost() {
        List<PrimaryChoice.Member> members = List.of(member("m1", "h", 8082, true), member("m2", "h", 18081, true));
        // "http://h:18081" < "http://h:8082" as strings, as Python's sorted() orders them
        assertEquals("m2", PrimaryChoice.choose(members, PrimaryChoice.Strategy.LOWEST).primaryMemberId());
    }

    @Test
    void nonEligibleMembersAreSkipped() {
        List<PrimaryChoice.Member> members = List.of(member("m-a", "a", 1, false), member("m-b", "b", 1, true));
        Assignment assignment = PrimaryChoice.choose(members, PrimaryChoice.Strategy.LOWEST);
        assertEquals("m-b", assignment.primaryMemberId());
        assertEquals(Assignment.NO_ERROR, assignment.error());
    }

    @Test
    void withNoEligibleMemberANonEligibleOneIsNamedAsKarapaceDoes() {
        List<PrimaryChoice.Member> members = List.of(member("m-b", "b", 1, false), member("m-a", "a", 1, false));
        Assignment assignment = PrimaryChoice.choose(members, PrimaryChoice.Strategy.LOWEST);
        assertEquals("m-a", assignment.primaryMemberId());
        assertEquals(false, assignment.primary().masterEligibility());
    }

    @Test
    void duplicateUrlsGiveErrorOneAndNoPrimary() {
        List<PrimaryChoice.Member> members = List.of(member("m1", "a", 1, true), member("m2", "a", 1, true),
                member("m3", "b", 1, true));
        Assignment assignment = PrimaryChoice.choose(members, PrimaryChoice.Strategy.LOWEST);
        assertEquals(Assignment.DUPLICATE_URLS, assignment.error());
        assertNull(assignment.primary());
        assertEquals(List.of("http://a:1"), PrimaryChoice.duplicateUrls(members));
    }

    @Test
    void theSittingPrimaryKeepsTheRoleWhenALowerUrlJoins() {
        List<PrimaryChoice.Member> members = List.of(member("m-a", "a", 1, true), sitting("m-c", "c", 1));
        assertEquals("m-c", PrimaryChoice.choose(members, PrimaryChoice.Strategy.LOWEST).primaryMemberId());
    }

    @Test
    void aSittingPrimaryThatIsNoLongerEligibleDoesNotKeepTheRole() {
        PrimaryChoice.Member demoted = new PrimaryChoice.Member("m-a", new MemberIdentity("a", 1, "http", false, true));
        List<PrimaryChoice.Member> members = List.of(demoted, member("m-b", "b", 1, true));
        assertEquals("m-b", PrimaryChoice.choose(members, PrimaryChoice.Strategy.LOWEST).primaryMemberId());
    }
}
