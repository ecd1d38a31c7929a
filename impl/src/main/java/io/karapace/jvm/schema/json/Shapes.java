package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.karapace.jvm.schema.json.Shape.Kind;
import io.karapace.jvm.schema.json.Subschema.Aspect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sees schema nodes the way everit's loader, which Confluent compares with, builds them: {@code $ref}s are
 * followed, a node whose keywords make several schemas becomes a synthetic {@code allOf} of them, a list of
 * types becomes an {@code anyOf}, and without {@code type} the keywords present tell the kind.
 */
final class Shapes {
    private static final Set<String> ARRAY_KEYWORDS = Set.of("items", "additionalItems", "minItems", "maxItems",
            "uniqueItems", "contains", "prefixItems", "unevaluatedItems", "minContains", "maxContains");
    private static final Set<String> OBJECT_KEYWORDS = Set.of("properties", "required", "minProperties",
            "maxProperties", "dependencies", "patternProperties", "additionalProperties", "propertyNames",
            "dependentRequired", "dependentSchemas", "unevaluatedProperties");
    private static final Set<String> NUMBER_KEYWORDS = Set.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf");
    private static final Set<String> STRING_KEYWORDS = Set.of("minLength", "maxLength", "pattern", "format");

    private final SchemaDocuments documents;

    Shapes(SchemaDocuments documents) {
        this.documents = documents;
    }

    Shape of(Subschema schema) {
        Located at = schema.at();
        return switch (schema.aspect()) {
            case WHOLE -> whole(at, Collections.newSetFromMap(new IdentityHashMap<>()));
            case REF -> followRef(at, Collections.newSetFromMap(new IdentityHashMap<>()));
            case ENUM -> Shape.of(Kind.ENUM, at, false);
            case CONST -> Shape.of(Kind.CONST, at, false);
            case NOT -> Shape.of(Kind.NOT, at, false);
            case CONDITIONAL -> Shape.of(Kind.CONDITIONAL, at, false);
            case ALL_OF -> combination(Shape.ALL_OF, at);
            case ANY_OF -> combination(Shape.ANY_OF, at);
            case ONE_OF -> combination(Shape.ONE_OF, at);
            case TYPES -> typeUnion(at);
            case TYPE -> ofType(schema.typeName(), at);
            case ARRAY_KEYWORDS -> Shape.of(Kind.ARRAY, at, false);
            case OBJECT_KEYWORDS -> Shape.of(Kind.OBJECT, at, false);
            case NUMBER_KEYWORDS -> Shape.of(Kind.NUMBER, at, false);
            case STRING_KEYWORDS -> Shape.of(Kind.STRING, at, false);
        };
    }

    private Shape whole(Located at, Set<JsonNode> followed) {
        JsonNode node = at.node();
        if (node.isBoolean()) {
            return Shape.of(node.booleanValue() ? Kind.TRUE : Kind.FALSE, at, true);
        }
        if (!node.isObject()) {
            return Shape.of(Kind.EMPTY, at, true);
        }
        if (node.path("$ref").isTextual() && !at.draft().refHasSiblings()) {
            return followRef(at, followed);
        }
        List<Subschema> aspects = aspects(at);
        if (aspects.isEmpty()) {
            return Shape.of(Kind.EMPTY, at, true);
        }
        if (aspects.size() == 1) {
            Subschema only = aspects.get(0);
            return only.aspect() == Aspect.REF ? followRef(at, followed) : of(only).asWhole();
        }
        return Shape.combined(Shape.ALL_OF, at, true, aspects);
    }

    /** A reference that points nowhere, or only round in a circle of references, constrains nothing. */
    private Shape followRef(Located at, Set<JsonNode> followed) {
        if (!followed.add(at.node())) {
            return Shape.of(Kind.EMPTY, at, true);
        }
        Optional<Located> target = documents.resolve(at, at.node().get("$ref").asText());
        return target.map(located -> whole(located, followed)).orElseGet(() -> Shape.of(Kind.EMPTY, at, true));
    }

    private static List<Subschema> aspects(Located at) {
        JsonNode node = at.node();
        List<Subschema> aspects = new ArrayList<>();
        if (node.path("$ref").isTextual()) {
            aspects.add(Subschema.aspect(at, Aspect.REF));
        }
        addIf(node.has("enum"), at, Aspect.ENUM, aspects);
        addIf(node.path(Shape.ALL_OF).isArray(), at, Aspect.ALL_OF, aspects);
        addIf(node.path(Shape.ANY_OF).isArray(), at, Aspect.ANY_OF, aspects);
        addIf(node.path(Shape.ONE_OF).isArray(), at, Aspect.ONE_OF, aspects);
        addIf(node.has("not"), at, Aspect.NOT, aspects);
        addIf(node.has("const") && at.draft() != Draft.DRAFT_4, at, Aspect.CONST, aspects);
        JsonNode type = node.get("type");
        if (type != null && type.isTextual()) {
            aspects.add(new Subschema(at, Aspect.TYPE, type.asText()));
        } else if (type != null && type.isArray()) {
            aspects.add(Subschema.aspect(at, Aspect.TYPES));
        } else {
            addIf(hasAny(node, ARRAY_KEYWORDS), at, Aspect.ARRAY_KEYWORDS, aspects);
            addIf(hasAny(node, OBJECT_KEYWORDS), at, Aspect.OBJECT_KEYWORDS, aspects);
            addIf(hasAny(node, NUMBER_KEYWORDS), at, Aspect.NUMBER_KEYWORDS, aspects);
            addIf(hasAny(node, STRING_KEYWORDS), at, Aspect.STRING_KEYWORDS, aspects);
            addIf(node.has("if") && at.draft().compareTo(Draft.DRAFT_7) >= 0, at, Aspect.CONDITIONAL, aspects);
        }
        return aspects;
    }

    private static void addIf(boolean present, Located at, Aspect aspect, List<Subschema> aspects) {
        if (present) {
            aspects.add(Subschema.aspect(at, aspect));
        }
    }

    private static boolean hasAny(JsonNode node, Set<String> keywords) {
        for (String keyword : keywords) {
            if (node.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    private static Shape combination(String criterion, Located at) {
        List<Subschema> members = new ArrayList<>();
        at.node().get(criterion).forEach(member -> members.add(Subschema.whole(at.child(member))));
        return Shape.combined(criterion, at, false, members);
    }

    private static Shape typeUnion(Located at) {
        List<Subschema> members = new ArrayList<>();
        at.node().get("type").forEach(type -> members.add(new Subschema(at, Aspect.TYPE, type.asText())));
        return Shape.combined(Shape.ANY_OF, at, false, members);
    }

    private static Shape ofType(String type, Located at) {
        return switch (type) {
            case "object" -> Shape.of(Kind.OBJECT, at, false);
            case "array" -> Shape.of(Kind.ARRAY, at, false);
            case "string" -> Shape.of(Kind.STRING, at, false);
            case "number" -> Shape.of(Kind.NUMBER, at, false);
            case "integer" -> new Shape(Kind.NUMBER, at, false, true, null, List.of());
            case "boolean" -> Shape.of(Kind.BOOLEAN, at, false);
            case "null" -> Shape.of(Kind.NULL, at, false);
            default -> Shape.of(Kind.EMPTY, at, false);
        };
    }
}
