package io.karapace.jvm.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The group leader's decision, sent to every member: {@code {"version":1,"error":0,"master":
 * "<member id>","master_identity":{…}}}. Confluent sends all four fields (SchemaRegistryProtocol
 * Assignment); Karapace sends the same without {@code version} and reads only master,
 * master_identity and error, so one form serves both. {@code primary} is null when no member
 * was chosen (duplicate URLs, or no eligible member and no fallback).
 */
record Assignment(int error, String primaryMemberId, MemberIdentity primary) {
    static final int NO_ERROR = 0;
    /** Confluent's SchemaRegistryProtocol.Assignment.DUPLICATE_URLS. */
    static final int DUPLICATE_URLS = 1;

    byte[] toBytes(String version) {
        ObjectNode node = MemberIdentity.JSON.createObjectNode();
        node.put("version", 1);
        node.put("error", error);
        if (primary == null) {
            node.putNull("master");
            node.putNull("master_identity");
        } else {
            node.put("master", primaryMemberId);
            node.set("master_identity", primary.toJson(version));
        }
        try {
            return MemberIdentity.JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Assignment parse(byte[] bytes) {
        JsonNode node;
        try {
            node = MemberIdentity.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("assignment is not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("assignment is not a JSON object");
        }
        JsonNode identity = node.get("master_identity");
        boolean named = node.path("master").isTextual() && identity != null && identity.isObject();
        return new Assignment(node.path("error").asInt(NO_ERROR), named ? node.get("master").asText() : null,
                named ? MemberIdentity.fromJson(identity) : null);
    }
}
