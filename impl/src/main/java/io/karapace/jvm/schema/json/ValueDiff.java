package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** Compares strings, numbers, enums, consts and {@code not}: the schemas that bound single values. */
final class ValueDiff {
    private final SchemaDiff diff;

    ValueDiff(SchemaDiff diff) {
        this.diff = diff;
    }

    void compareStrings(DiffContext ctx, Shape original, Shape update) {
        compareBound(ctx, "maxLength", original, update, DifferenceType.MAX_LENGTH_ADDED,
                DifferenceType.MAX_LENGTH_REMOVED, DifferenceType.MAX_LENGTH_INCREASED, DifferenceType.MAX_LENGTH_DECREASED);
        compareBound(ctx, "minLength", original, update, DifferenceType.MIN_LENGTH_ADDED,
                DifferenceType.MIN_LENGTH_REMOVED, DifferenceType.MIN_LENGTH_INCREASED, DifferenceType.MIN_LENGTH_DECREASED);
        JsonNode from = original.keyword("pattern");
        JsonNode to = update.keyword("pattern");
        if (from == null && to != null) {
            ctx.add("pattern", DifferenceType.PATTERN_ADDED);
        } else if (from != null && to == null) {
            ctx.add("pattern", DifferenceType.PATTERN_REMOVED);
        } else if (from != null && !from.asText().equals(to.asText())) {
            ctx.add("pattern", DifferenceType.PATTERN_CHANGED);
        }
    }

    void compareNumbers(DiffContext ctx, Shape original, Shape update) {
        compareBound(ctx, "maximum", original, update, DifferenceType.MAXIMUM_ADDED,
                DifferenceType.MAXIMUM_REMOVED, DifferenceType.MAXIMUM_INCREASED, DifferenceType.MAXIMUM_DECREASED);
        compareBound(ctx, "minimum", original, update, DifferenceType.MINIMUM_ADDED,
                DifferenceType.MINIMUM_REMOVED, DifferenceType.MINIMUM_INCREASED, DifferenceType.MINIMUM_DECREASED);
        compareBound(ctx, "exclusiveMaximum", original, update, DifferenceType.EXCLUSIVE_MAXIMUM_ADDED,
                DifferenceType.EXCLUSIVE_MAXIMUM_REMOVED, DifferenceType.EXCLUSIVE_MAXIMUM_INCREASED,
                DifferenceType.EXCLUSIVE_MAXIMUM_DECREASED);
        compareBound(ctx, "exclusiveMinimum", original, update, DifferenceType.EXCLUSIVE_MINIMUM_ADDED,
                DifferenceType.EXCLUSIVE_MINIMUM_REMOVED, DifferenceType.EXCLUSIVE_MINIMUM_INCREASED,
                DifferenceType.EXCLUSIVE_MINIMUM_DECREASED);
        compareMultipleOf(ctx, number(original, "multipleOf"), number(update, "multipleOf"));
        if (original.integer() != update.integer()) {
            ctx.add(original.integer() ? DifferenceType.TYPE_EXTENDED : DifferenceType.TYPE_NARROWED);
        }
    }

    /** A larger multiple of the old one only narrows the values; a divisor of it widens them. */
    private static void compareMultipleOf(DiffContext ctx, BigDecimal from, BigDecimal to) {
        if (from == null && to == null || from != null && to != null && from.compareTo(to) == 0) {
            return;
        }
        DifferenceType type;
        if (from == null) {
            type = DifferenceType.MULTIPLE_OF_ADDED;
        } else if (to == null) {
            type = DifferenceType.MULTIPLE_OF_REMOVED;
        } else if (isMultiple(to, from)) {
            type = DifferenceType.MULTIPLE_OF_EXPANDED;
        } else if (isMultiple(from, to)) {
            type = DifferenceType.MULTIPLE_OF_REDUCED;
        } else {
            type = DifferenceType.MULTIPLE_OF_CHANGED;
        }
        ctx.add("multipleOf", type);
    }

    private static boolean isMultiple(BigDecimal value, BigDecimal divisor) {
        return divisor.signum() != 0 && value.remainder(divisor).signum() == 0;
    }

    void compareEnums(DiffContext ctx, Shape original, Shape update) {
        Set<JsonNode> from = values(original.keyword("enum"));
        Set<JsonNode> to = values(update.keyword("enum"));
        if (from.equals(to)) {
            return;
        }
        if (to.containsAll(from)) {
            ctx.add("enum", DifferenceType.ENUM_ARRAY_EXTENDED);
        } else if (from.containsAll(to)) {
            ctx.add("enum", DifferenceType.ENUM_ARRAY_NARROWED);
        } else {
            ctx.add("enum", DifferenceType.ENUM_ARRAY_CHANGED);
        }
    }

    void compareConsts(DiffContext ctx, Shape original, Shape update) {
        if (!Objects.equals(original.keyword("const"), update.keyword("const"))) {
            ctx.add("const", DifferenceType.ENUM_ARRAY_CHANGED);
        }
    }

    /** What the update forbids must be something the original forbade too, so the comparison is reversed. */
    void compareNots(DiffContext ctx, Shape original, Shape update) {
        ctx.at("not", () -> {
            DiffContext sub = ctx.sub();
            diff.reversed().compare(sub, Subschema.whole(update.at().schemaAt("not")),
                    Subschema.whole(original.at().schemaAt("not")));
            ctx.add(sub.isCompatible() ? DifferenceType.NOT_TYPE_NARROWED : DifferenceType.NOT_TYPE_EXTENDED);
        });
    }

    static void compareBound(DiffContext ctx, String keyword, Shape original, Shape update,
                             DifferenceType added, DifferenceType removed,
                             DifferenceType increased, DifferenceType decreased) {
        compareBound(ctx, keyword, number(original, keyword), number(update, keyword), added, removed, increased, decreased);
    }

    private static void compareBound(DiffContext ctx, String keyword, BigDecimal from, BigDecimal to,
                                     DifferenceType added, DifferenceType removed,
                                     DifferenceType increased, DifferenceType decreased) {
        if (from == null && to != null) {
            ctx.add(keyword, added);
        } else if (from != null && to == null) {
            ctx.add(keyword, removed);
        } else if (from != null && from.compareTo(to) < 0) {
            ctx.add(keyword, increased);
        } else if (from != null && from.compareTo(to) > 0) {
            ctx.add(keyword, decreased);
        }
    }

    /** A numeric keyword's value; draft 4's boolean {@code exclusiveMaximum} is no bound of its own, as in everit. */
    static BigDecimal number(Shape shape, String keyword) {
        JsonNode value = shape.keyword(keyword);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    private static Set<JsonNode> values(JsonNode array) {
        Set<JsonNode> values = new HashSet<>();
        if (array != null) {
            array.forEach(values::add);
        }
        return values;
    }
}
