package io.karapace.jvm.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Member metadata and assignments as the other implementations put them on the wire. Sources:
 * Karapace 3.9.0 src/karapace/coordinator/schema_coordinator.py (get_member_configuration,
 * perform_assignment: compact JSON, no {@code version} in the assignment); Confluent 7.x
 * SchemaRegistryIdentity and SchemaRegistryProtocol.Assignment (API.md B.6).
 */
class GroupMessagesTest {

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void karapaceMemberMetadataIsRead() {
        MemberIdentity identity = MemberIdentity.parse(bytes("{\"version\":2,\"karapace_version\":\"3.9.0\","
                + "\"host\":\"kp1\",\"port\":8081,\"scheme\":\"http\",\"master_eligibility\":true}"));
        assertEquals(new MemberIdentity("kp1", 8081, "http", true, false), identity);
        assertEquals("http://kp1:8081", identity.url());
    }

    @Test
    void confluentMemberMetadataIsRead() {
        MemberIdentity identity = MemberIdentity.parse(bytes("{\"version\":1,\"host\":\"sr1\",\"port\":8081,"
                + "\"master_eligibility\":false,\"scheme\":\"https\",\"leader\":true}"));
        assertEquals(new MemberIdentity("sr1", 8081, "https", false, true), identity);
    }

    @Test
    void ourMetadataCarriesKarapacesFieldsAndConfluentsLeaderFlag() {
        String sent = new String(new MemberIdentity("n1", 8081, "http", true, false).toBytes("0.1.0"),
                StandardCharsets.UTF_8);
        assertEquals("{\"version\":2,\"karapace_version\":\"0.1.0\",\"host\":\"n1\",\"port\":8081,\"scheme\":\"http\","
                + "\"master_eligibility\":true,\"leader\":false}", sent);
    }

    @Test
    void metadataWithoutHostPortOrSchemeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MemberIdentity.parse(bytes("{\"host\":\"a\"}")));
        assertThrows(IllegalArgumentException.class, () -> MemberIdentity.parse(bytes("not json")));
    }

    @Test
    void karapaceAssignmentIsRead() {
        Assignment assignment = Assignment.parse(bytes("{\"master\":\"sr-1-abc\",\"master_identity\":{\"version\":2,"
                + "\"karapace_version\":\"3.9.0\",\"host\":\"kp1\",\"port\":8081,\"scheme\":\"http\","
                + "\"master_eligibility\":true},\"error\":0}"));
        assertEquals(new Assignment(0, "sr-1-abc", new MemberIdentity("kp1", 8081, "http", true)), assignment);
    }

    @Test
    void confluentAssignmentWithoutLeaderIsRead() {
        Assignment assignment = Assignment.parse(bytes(
                "{\"version\":1,\"error\":1,\"master\":null,\"master_identity\":null}"));
        assertEquals(Assignment.DUPLICATE_URLS, assignment.error());
        assertNull(assignment.primary());
    }

    @Test
    void ourAssignmentHasConfluentsFieldsAndReadsBack() {
        Assignment assignment = new Assignment(0, "m1", new MemberIdentity("n1", 8081, "http", true));
        String sent = new String(assignment.toBytes("0.1.0"), StandardCharsets.UTF_8);
        assertEquals("{\"version\":1,\"error\":0,\"master\":\"m1\",\"master_identity\":{\"version\":2,"
                + "\"karapace_version\":\"0.1.0\",\"host\":\"n1\",\"port\":8081,\"scheme\":\"http\","
                + "\"master_eligibility\":true,\"leader\":false}}", sent);
        assertEquals(assignment, Assignment.parse(assignment.toBytes("0.1.0")));
    }
}
