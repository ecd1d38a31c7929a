package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a schema is for the comparison, in the terms of the everit model Confluent compares: an object,
 * array, string, number (integer being a number that requires integers), enum, combination and so on.
 * {@code whole} says the shape stands for a whole schema node and so carries its title, description,
 * default and id; members of a combination made up from one node's keywords carry none.
 */
record Shape(Kind kind, Located at, boolean whole, boolean integer, String criterion, List<Subschema> members) {

    enum Kind { EMPTY, TRUE, FALSE, OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, ENUM, CONST, COMBINED, NOT, CONDITIONAL }

    static final String ALL_OF = "allOf";
    static final String ANY_OF = "anyOf";
    static final String ONE_OF = "oneOf";

    static Shape of(Kind kind, Located at, boolean whole) {
        return new Shape(kind, at, whole, false, null, List.of());
    }

    static Shape combined(String criterion, Located at, boolean whole, List<Subschema> members) {
        return new Shape(Kind.COMBINED, at, whole, false, criterion, List.copyOf(members));
    }

    Shape asWhole() {
        return new Shape(kind, at, true, integer, criterion, members);
    }

    /** The keyword's value when this shape carries it, else null. */
    JsonNode attribute(String keyword) {
        return whole && at.node().isObject() ? at.node().get(keyword) : null;
    }

    JsonNode keyword(String keyword) {
        return at.node().isObject() ? at.node().get(keyword) : null;
    }

    boolean isEmptyLike() {
        return kind == Kind.EMPTY || kind == Kind.TRUE;
    }
}
