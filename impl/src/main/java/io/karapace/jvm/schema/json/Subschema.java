package io.karapace.jvm.schema.json;

/**
 * A schema as compared: a whole node, or one aspect of a node whose keywords make several schemas at once
 * (e.g. {@code {"type":"string","enum":[...]}} is an enum and a string, as everit splits it). For the
 * {@link Aspect#TYPE} aspect, {@code typeName} names the type.
 */
record Subschema(Located at, Aspect aspect, String typeName) {

    enum Aspect {
        WHOLE, REF, ENUM, ALL_OF, ANY_OF, ONE_OF, NOT, CONST, TYPE, TYPES,
        ARRAY_KEYWORDS, OBJECT_KEYWORDS, NUMBER_KEYWORDS, STRING_KEYWORDS, CONDITIONAL
    }

    static Subschema whole(Located at) {
        return at == null ? null : new Subschema(at, Aspect.WHOLE, null);
    }

    static Subschema aspect(Located at, Aspect aspect) {
        return new Subschema(at, aspect, null);
    }
}
