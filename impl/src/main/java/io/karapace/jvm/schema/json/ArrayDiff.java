package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.karapace.jvm.schema.json.Shape.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares array schemas: the schema of all items, tuple items added or removed (judged by the content
 * model of the schema that lacks them), additional and unevaluated items, and the counting keywords.
 */
final class ArrayDiff {
    private final SchemaDiff diff;

    ArrayDiff(SchemaDiff diff) {
        this.diff = diff;
    }

    void compare(DiffContext ctx, Shape original, Shape update) {
        ctx.at("items", () -> diff.compare(ctx, Subschema.whole(allItems(original)), Subschema.whole(allItems(update))));
        ContentModel from = contentModel(original, diff.originals());
        ContentModel to = contentModel(update, diff.updates());
        compareTuples(ctx, tuple(original), tuple(update), from, to);
        ContentModel.compareAdditional(diff, ctx, additionalKeyword(original), from, to,
                DifferenceType.ADDITIONAL_ITEMS_ADDED, DifferenceType.ADDITIONAL_ITEMS_REMOVED,
                DifferenceType.ADDITIONAL_ITEMS_EXTENDED, DifferenceType.ADDITIONAL_ITEMS_NARROWED);
        ContentModel.compareUnevaluated(diff, ctx, "unevaluatedItems", from, to,
                DifferenceType.UNEVALUATED_ITEMS_ADDED, DifferenceType.UNEVALUATED_ITEMS_REMOVED,
                DifferenceType.UNEVALUATED_ITEMS_EXTENDED, DifferenceType.UNEVALUATED_ITEMS_NARROWED);
        compareCounts(ctx, original, update);
    }

    private void compareTuples(DiffContext ctx, List<Located> from, List<Located> to, ContentModel fromModel,
                               ContentModel toModel) {
        int common = Math.min(from.size(), to.size());
        for (int i = 0; i < common; i++) {
            int index = i;
            ctx.at("items/" + index, () -> diff.compare(ctx, Subschema.whole(from.get(index)), Subschema.whole(to.get(index))));
        }
        for (int i = common; i < from.size(); i++) {
            Located removed = from.get(i);
            ctx.at("items/" + i, () -> itemRemoved(ctx, removed, toModel));
        }
        for (int i = common; i < to.size(); i++) {
            Located added = to.get(i);
            ctx.at("items/" + i, () -> itemAdded(ctx, added, fromModel));
        }
    }

    private void itemRemoved(DiffContext ctx, Located removed, ContentModel update) {
        if (update.isOpen()) {
            ctx.add(DifferenceType.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL);
            return;
        }
        Located partial = update.partialSchema();
        if (partial != null) {
            DiffContext sub = ctx.sub();
            diff.compare(sub, Subschema.whole(removed), Subschema.whole(partial));
            ctx.addAll(sub.differences());
            ctx.add(sub.isCompatible() ? DifferenceType.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                    : DifferenceType.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        } else if (diff.originals().of(Subschema.whole(removed)).kind() == Kind.FALSE) {
            ctx.add(DifferenceType.ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        } else {
            ctx.add(DifferenceType.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        }
    }

    private void itemAdded(DiffContext ctx, Located added, ContentModel original) {
        if (original.isOpen()) {
            ctx.add(diff.updates().of(Subschema.whole(added)).isEmptyLike()
                    ? DifferenceType.ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
                    : DifferenceType.ITEM_ADDED_TO_OPEN_CONTENT_MODEL);
            return;
        }
        Located partial = original.partialSchema();
        if (partial == null) {
            ctx.add(DifferenceType.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL);
            return;
        }
        DiffContext sub = ctx.sub();
        diff.compare(sub, Subschema.whole(partial), Subschema.whole(added));
        ctx.addAll(sub.differences());
        ctx.add(sub.isCompatible() ? DifferenceType.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                : DifferenceType.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
    }

    private static void compareCounts(DiffContext ctx, Shape original, Shape update) {
        ValueDiff.compareBound(ctx, "maxItems", original, update, DifferenceType.MAX_ITEMS_ADDED,
                DifferenceType.MAX_ITEMS_REMOVED, DifferenceType.MAX_ITEMS_INCREASED, DifferenceType.MAX_ITEMS_DECREASED);
        ValueDiff.compareBound(ctx, "minItems", original, update, DifferenceType.MIN_ITEMS_ADDED,
                DifferenceType.MIN_ITEMS_REMOVED, DifferenceType.MIN_ITEMS_INCREASED, DifferenceType.MIN_ITEMS_DECREASED);
        boolean wasUnique = uniqueItems(original);
        if (wasUnique != uniqueItems(update)) {
            ctx.add("uniqueItems", wasUnique ? DifferenceType.UNIQUE_ITEMS_REMOVED : DifferenceType.UNIQUE_ITEMS_ADDED);
        }
        ValueDiff.compareBound(ctx, "maxContains", original, update, DifferenceType.MAX_CONTAINS_ADDED,
                DifferenceType.MAX_CONTAINS_REMOVED, DifferenceType.MAX_CONTAINS_INCREASED,
                DifferenceType.MAX_CONTAINS_DECREASED);
        ValueDiff.compareBound(ctx, "minContains", original, update, DifferenceType.MIN_CONTAINS_ADDED,
                DifferenceType.MIN_CONTAINS_REMOVED, DifferenceType.MIN_CONTAINS_INCREASED,
                DifferenceType.MIN_CONTAINS_DECREASED);
    }

    private static boolean uniqueItems(Shape shape) {
        JsonNode unique = shape.keyword("uniqueItems");
        return unique != null && unique.asBoolean();
    }

    private static ContentModel contentModel(Shape shape, Shapes shapes) {
        return ContentModel.of(shape, additionalKeyword(shape), "unevaluatedItems", shapes);
    }

    /** In 2020-12, {@code items} after {@code prefixItems} is what {@code additionalItems} was before. */
    private static String additionalKeyword(Shape shape) {
        return usesPrefixItems(shape) ? "items" : "additionalItems";
    }

    private static boolean usesPrefixItems(Shape shape) {
        return shape.at().draft().hasPrefixItems() && shape.keyword("prefixItems") != null;
    }

    /** The one schema every item must match, when the schema has one. */
    private static Located allItems(Shape shape) {
        return usesPrefixItems(shape) ? null : shape.at().schemaAt("items");
    }

    private static List<Located> tuple(Shape shape) {
        JsonNode tuple = shape.keyword(shape.at().draft().hasPrefixItems() ? "prefixItems" : "items");
        List<Located> items = new ArrayList<>();
        if (tuple != null && tuple.isArray()) {
            tuple.forEach(item -> items.add(shape.at().child(item)));
        }
        return items;
    }
}
