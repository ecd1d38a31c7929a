package io.karapace.jvm.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * What a node tells its group about itself: the member metadata of protocol {@code sr} / {@code v0}.
 * We send Karapace's form, {@code {"version":2,"karapace_version":…,"host":…,"port":…,"scheme":…,
 * "master_eligibility":…}} (Karapace's schema_coordinator.get_member_configuration), and read that
 * and Confluent's ({@code {"version":1,"host":…,"port":…,"master_eligibility":…,"scheme":…,
 * "leader":…}}, SchemaRegistryIdentity): the fields an election needs are the same in both. We add
 * Confluent's {@code leader} (this node was primary until the rebalance began) so that a primary
 * keeps its role when another node joins; Karapace ignores the field and omits it (read as false).
 */
public record MemberIdentity(String host, int port, String scheme, boolean masterEligibility, boolean primary) {

    public MemberIdentity(String host, int port, String scheme, boolean masterEligibility) {
        this(host, port, scheme, masterEligibility, false);
    }

    MemberIdentity asPrimary(boolean wasPrimary) {
        return new MemberIdentity(host, port, scheme, masterEligibility, wasPrimary);
    }
    static final ObjectMapper JSON = new ObjectMapper();

    /** The URL peers forward writes to, and the key the election sorts by. */
    public String url() {
        return scheme + "://" + host + ":" + port;
    }

    ObjectNode toJson(String version) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", 2);
        node.put("karapace_version", version);
        node.put("host", host);
        node.put("port", port);
        node.put("scheme", scheme);
        node.put("master_eligibility", masterEligibility);
        node.put("leader", primary);
        return node;
    }

    byte[] toBytes(String version) {
        try {
            return JSON.writeValueAsBytes(toJson(version));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MemberIdentity parse(byte[] bytes) {
        try {
            return fromJson(JSON.readTree(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("member metadata is not JSON: " + e.getMessage(), e);
        }
    }

    static MemberIdentity fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("host").isTextual() || !node.path("port").canConvertToInt()
                || !node.path("scheme").isTextual()) {
            throw new IllegalArgumentException("member metadata lacks host, port or scheme: " + node);
        }
        return new MemberIdentity(node.get("host").asText(), node.get("port").asInt(), node.get("scheme").asText(),
                node.path("master_eligibility").asBoolean(false), node.path("leader").asBoolean(false));
    }
}
