package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.karapace.jvm.schema.json.Shape.Kind;

/**
 * Whether an object or array schema admits members it does not name: open (anything goes), partially
 * open (unnamed members must match a schema) or closed. Objects use {@code additionalProperties} and
 * {@code unevaluatedProperties}, arrays {@code additionalItems} (or {@code items} after {@code prefixItems})
 * and {@code unevaluatedItems}.
 */
record ContentModel(Located additional, boolean permitsAdditional, Located unevaluated, Kind unevaluatedKind) {

    static ContentModel of(Shape shape, String additionalKeyword, String unevaluatedKeyword, Shapes shapes) {
        JsonNode additional = shape.keyword(additionalKeyword);
        boolean permits = additional == null || !additional.isBoolean() || additional.booleanValue();
        Located additionalSchema = additional != null && additional.isObject() ? shape.at().child(additional) : null;
        Located unevaluated = shape.at().schemaAt(unevaluatedKeyword);
        Kind unevaluatedKind = unevaluated == null ? null : shapes.of(Subschema.whole(unevaluated)).kind();
        return new ContentModel(additionalSchema, permits, unevaluated, unevaluatedKind);
    }

    boolean unevaluatedIsEmpty() {
        return unevaluatedKind == Kind.EMPTY || unevaluatedKind == Kind.TRUE;
    }

    /** Open when neither keyword restricts unnamed members; object pattern properties are checked by the caller. */
    boolean isOpen() {
        return permitsAdditional && additional == null && (unevaluated == null || unevaluatedIsEmpty());
    }

    /** The schema unnamed members must match, or null when they are not allowed (or not restricted). */
    Located partialSchema() {
        if (additional != null) {
            return additional;
        }
        return permitsAdditional && unevaluated != null && unevaluatedKind != Kind.FALSE ? unevaluated : null;
    }

    static void compareAdditional(SchemaDiff diff, DiffContext ctx, String keyword, ContentModel original,
                                  ContentModel update, DifferenceType added, DifferenceType removed,
                                  DifferenceType extended, DifferenceType narrowed) {
        ctx.at(keyword, () -> {
            if (original.permitsAdditional != update.permitsAdditional) {
                ctx.add(update.permitsAdditional ? added : removed);
            } else if (original.additional == null && update.additional != null) {
                ctx.add(narrowed);
            } else if (original.additional != null && update.additional == null) {
                ctx.add(extended);
            } else {
                diff.compare(ctx, Subschema.whole(original.additional), Subschema.whole(update.additional));
            }
        });
    }

    static void compareUnevaluated(SchemaDiff diff, DiffContext ctx, String keyword, ContentModel original,
                                   ContentModel update, DifferenceType added, DifferenceType removed,
                                   DifferenceType extended, DifferenceType narrowed) {
        if (original.unevaluated == null && update.unevaluated == null) {
            return;
        }
        ctx.at(keyword, () -> {
            boolean fromFalse = original.unevaluatedKind == Kind.FALSE;
            boolean toFalse = update.unevaluatedKind == Kind.FALSE;
            if (original.unevaluated == null) {
                ctx.add(toFalse ? removed : narrowed);
            } else if (update.unevaluated == null) {
                ctx.add(fromFalse ? added : extended);
            } else if (fromFalse != toFalse) {
                ctx.add(fromFalse ? added : removed);
            } else if (original.unevaluatedIsEmpty() != update.unevaluatedIsEmpty()) {
                ctx.add(original.unevaluatedIsEmpty() ? narrowed : extended);
            } else {
                diff.compare(ctx, Subschema.whole(original.unevaluated), Subschema.whole(update.unevaluated));
            }
        });
    }
}
