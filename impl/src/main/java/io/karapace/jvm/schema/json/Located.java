package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** A node of a schema document with the base URI its relative {@code $ref}s resolve against. */
record Located(JsonNode node, URI base, Draft draft) {

    /** A node inside this one; an {@code $id} on it moves the base. */
    Located child(JsonNode child) {
        return new Located(child, baseOf(child, base, draft), draft);
    }

    static URI baseOf(JsonNode node, URI parentBase, Draft draft) {
        JsonNode id = node.path(draft.idKeyword());
        if (!id.isTextual() || id.asText().startsWith("#")) {
            return parentBase;
        }
        try {
            return parentBase.resolve(new URI(id.asText()));
        } catch (Exception e) {
            return parentBase;
        }
    }

    /** The subschema under {@code keyword}, or null when the keyword is absent or not a schema. */
    Located schemaAt(String keyword) {
        JsonNode value = node.get(keyword);
        return value != null && (value.isObject() || value.isBoolean()) ? child(value) : null;
    }
}
