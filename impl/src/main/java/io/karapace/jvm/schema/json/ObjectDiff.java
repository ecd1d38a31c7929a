package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.karapace.jvm.schema.json.Shape.Kind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compares object schemas: required properties, properties added or removed (judged by the content model
 * of the schema that lacks them), dependencies, additional and unevaluated properties, property counts.
 */
final class ObjectDiff {
    private final SchemaDiff diff;

    ObjectDiff(SchemaDiff diff) {
        this.diff = diff;
    }

    void compare(DiffContext ctx, Shape original, Shape update) {
        compareRequired(ctx, original, update);
        compareProperties(ctx, original, update);
        compareDependencies(ctx, original, update);
        ContentModel from = contentModel(original, diff.originals());
        ContentModel to = contentModel(update, diff.updates());
        ContentModel.compareAdditional(diff, ctx, "additionalProperties", from, to,
                DifferenceType.ADDITIONAL_PROPERTIES_ADDED, DifferenceType.ADDITIONAL_PROPERTIES_REMOVED,
                DifferenceType.ADDITIONAL_PROPERTIES_EXTENDED, DifferenceType.ADDITIONAL_PROPERTIES_NARROWED);
        ContentModel.compareUnevaluated(diff, ctx, "unevaluatedProperties", from, to,
                DifferenceType.UNEVALUATED_PROPERTIES_ADDED, DifferenceType.UNEVALUATED_PROPERTIES_REMOVED,
                DifferenceType.UNEVALUATED_PROPERTIES_EXTENDED, DifferenceType.UNEVALUATED_PROPERTIES_NARROWED);
        ValueDiff.compareBound(ctx, "maxProperties", original, update, DifferenceType.MAX_PROPERTIES_ADDED,
                DifferenceType.MAX_PROPERTIES_REMOVED, DifferenceType.MAX_PROPERTIES_INCREASED,
                DifferenceType.MAX_PROPERTIES_DECREASED);
        ValueDiff.compareBound(ctx, "minProperties", original, update, DifferenceType.MIN_PROPERTIES_ADDED,
                DifferenceType.MIN_PROPERTIES_REMOVED, DifferenceType.MIN_PROPERTIES_INCREASED,
                DifferenceType.MIN_PROPERTIES_DECREASED);
    }

    private static ContentModel contentModel(Shape shape, Shapes shapes) {
        return ContentModel.of(shape, "additionalProperties", "unevaluatedProperties", shapes);
    }

    private void compareRequired(DiffContext ctx, Shape original, Shape update) {
        Map<String, JsonNode> fromProperties = properties(original);
        Map<String, JsonNode> toProperties = properties(update);
        Set<String> fromRequired = required(original);
        Set<String> toRequired = required(update);
        ctx.at("required", () -> fromProperties.keySet().stream().filter(toProperties::containsKey).forEach(name -> {
            boolean wasRequired = fromRequired.contains(name);
            boolean isRequired = toRequired.contains(name);
            if (wasRequired && !isRequired) {
                ctx.add(name, DifferenceType.REQUIRED_ATTRIBUTE_REMOVED);
            } else if (!wasRequired && isRequired) {
                ctx.add(name, hasDefault(toProperties.get(name))
                        ? DifferenceType.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED
                        : DifferenceType.REQUIRED_ATTRIBUTE_ADDED);
            }
        }));
    }

    private void compareProperties(DiffContext ctx, Shape original, Shape update) {
        Map<String, JsonNode> fromProperties = properties(original);
        Map<String, JsonNode> toProperties = properties(update);
        ctx.at("properties", () -> {
            for (String name : unionInConfluentsOrder(fromProperties.keySet(), toProperties.keySet())) {
                ctx.at(name, () -> {
                    JsonNode from = fromProperties.get(name);
                    JsonNode to = toProperties.get(name);
                    if (to == null) {
                        propertyRemoved(ctx, original.at().child(from), update, name);
                    } else if (from == null) {
                        propertyAdded(ctx, original, update, name, update.at().child(to));
                    } else {
                        diff.compare(ctx, Subschema.whole(original.at().child(from)), Subschema.whole(update.at().child(to)));
                    }
                });
            }
        });
    }

    /** Only the update's content model matters: a removed property must still be allowed by it. */
    private void propertyRemoved(DiffContext ctx, Located removed, Shape update, String name) {
        if (isOpen(update, diff.updates())) {
            ctx.add(DifferenceType.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL);
            return;
        }
        Located partial = partialSchema(update, name, diff.updates());
        if (partial != null) {
            DiffContext sub = ctx.sub();
            diff.compare(sub, Subschema.whole(removed), Subschema.whole(partial));
            ctx.addAll(sub.differences());
            ctx.add(sub.isCompatible() ? DifferenceType.PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                    : DifferenceType.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        } else if (diff.originals().of(Subschema.whole(removed)).kind() == Kind.FALSE) {
            ctx.add(DifferenceType.PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        } else {
            ctx.add(DifferenceType.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        }
    }

    /** Only the original's content model matters: an open one may have carried the property with any value. */
    private void propertyAdded(DiffContext ctx, Shape original, Shape update, String name, Located added) {
        boolean required = required(update).contains(name);
        boolean withDefault = hasDefault(added.node());
        if (isOpen(original, diff.originals())) {
            if (diff.updates().of(Subschema.whole(added)).isEmptyLike()) {
                ctx.add(DifferenceType.PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL);
            } else if (required) {
                ctx.add(withDefault ? DifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL
                        : DifferenceType.REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
            } else {
                ctx.add(DifferenceType.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
            }
            return;
        }
        Located partial = partialSchema(original, name, diff.originals());
        if (partial != null) {
            DiffContext sub = ctx.sub();
            diff.compare(sub, Subschema.whole(partial), Subschema.whole(added));
            ctx.addAll(sub.differences());
            ctx.add(sub.isCompatible() ? DifferenceType.PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                    : DifferenceType.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        }
        if (!required) {
            ctx.add(DifferenceType.OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
        } else {
            ctx.add(withDefault ? DifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
                    : DifferenceType.REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
        }
    }

    private void compareDependencies(DiffContext ctx, Shape original, Shape update) {
        ctx.at("dependencies", () -> {
            Map<String, Set<String>> fromArrays = dependencyArrays(original);
            Map<String, Set<String>> toArrays = dependencyArrays(update);
            for (String name : unionInConfluentsOrder(fromArrays.keySet(), toArrays.keySet())) {
                Set<String> from = fromArrays.get(name);
                Set<String> to = toArrays.get(name);
                if (to == null) {
                    ctx.add(name, DifferenceType.DEPENDENCY_ARRAY_REMOVED);
                } else if (from == null) {
                    ctx.add(name, DifferenceType.DEPENDENCY_ARRAY_ADDED);
                } else if (!from.equals(to)) {
                    ctx.add(name, to.containsAll(from) ? DifferenceType.DEPENDENCY_ARRAY_EXTENDED
                            : from.containsAll(to) ? DifferenceType.DEPENDENCY_ARRAY_NARROWED
                            : DifferenceType.DEPENDENCY_ARRAY_CHANGED);
                }
            }
            Map<String, Located> fromSchemas = dependencySchemas(original);
            Map<String, Located> toSchemas = dependencySchemas(update);
            for (String name : unionInConfluentsOrder(fromSchemas.keySet(), toSchemas.keySet())) {
                Located from = fromSchemas.get(name);
                Located to = toSchemas.get(name);
                if (to == null) {
                    ctx.add(name, DifferenceType.DEPENDENCY_SCHEMA_REMOVED);
                } else if (from == null) {
                    ctx.add(name, DifferenceType.DEPENDENCY_SCHEMA_ADDED);
                } else {
                    ctx.at(name, () -> diff.compare(ctx, Subschema.whole(from), Subschema.whole(to)));
                }
            }
        });
    }

    /** Confluent walks a hash set of the names, so issues come in that order; keeping it keeps messages alike. */
    private static Set<String> unionInConfluentsOrder(Set<String> original, Set<String> update) {
        Set<String> names = new HashSet<>(original);
        names.addAll(update);
        return names;
    }

    private static boolean isOpen(Shape shape, Shapes shapes) {
        return patternProperties(shape).isEmpty() && contentModel(shape, shapes).isOpen();
    }

    /** The first pattern property whose pattern occurs in the name, else the schema of additional properties. */
    private static Located partialSchema(Shape shape, String name, Shapes shapes) {
        for (Map.Entry<String, JsonNode> pattern : patternProperties(shape).entrySet()) {
            if (occursIn(pattern.getKey(), name)) {
                return shape.at().child(pattern.getValue());
            }
        }
        return contentModel(shape, shapes).partialSchema();
    }

    private static boolean occursIn(String regex, String name) {
        try {
            return Pattern.compile(regex).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static boolean hasDefault(JsonNode property) {
        return property.isObject() && property.has("default");
    }

    static Map<String, JsonNode> properties(Shape shape) {
        return members(shape.keyword("properties"));
    }

    private static Map<String, JsonNode> patternProperties(Shape shape) {
        return members(shape.keyword("patternProperties"));
    }

    private static Map<String, JsonNode> members(JsonNode object) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.properties().forEach(field -> members.put(field.getKey(), field.getValue()));
        }
        return members;
    }

    private static Set<String> required(Shape shape) {
        return strings(shape.keyword("required"));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> strings.add(value.asText()));
        }
        return strings;
    }

    /** Draft 4-7 {@code dependencies} with a list of names, and 2019-09's {@code dependentRequired}. */
    private static Map<String, Set<String>> dependencyArrays(Shape shape) {
        Map<String, Set<String>> arrays = new LinkedHashMap<>();
        for (String keyword : new String[] {"dependencies", "dependentRequired"}) {
            members(shape.keyword(keyword)).forEach((name, value) -> {
                if (value.isArray()) {
                    arrays.put(name, strings(value));
                }
            });
        }
        return arrays;
    }

    /** Draft 4-7 {@code dependencies} with a schema, and 2019-09's {@code dependentSchemas}. */
    private static Map<String, Located> dependencySchemas(Shape shape) {
        Map<String, Located> schemas = new LinkedHashMap<>();
        for (String keyword : new String[] {"dependencies", "dependentSchemas"}) {
            members(shape.keyword(keyword)).forEach((name, value) -> {
                if (value.isObject() || value.isBoolean()) {
                    schemas.put(name, shape.at().child(value));
                }
            });
        }
        return schemas;
    }
}
