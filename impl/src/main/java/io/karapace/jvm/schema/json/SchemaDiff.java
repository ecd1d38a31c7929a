package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.karapace.jvm.schema.json.Shape.Kind;
import java.util.List;
import java.util.Objects;

/**
 * Compares an original (writer's) schema with an update (reader's) and lists every change, compatible or
 * not, following Confluent's JSON Schema rules: a change is compatible when every document valid under the
 * original stays valid under the update.
 */
final class SchemaDiff {
    private final Shapes originals;
    private final Shapes updates;
    private final ValueDiff values = new ValueDiff(this);
    private final ObjectDiff objects = new ObjectDiff(this);
    private final ArrayDiff arrays = new ArrayDiff(this);
    private final CombinedDiff combinations = new CombinedDiff(this);

    private final SchemaDocuments originalDocuments;
    private final SchemaDocuments updateDocuments;

    private SchemaDiff(SchemaDocuments original, SchemaDocuments update) {
        this.originalDocuments = original;
        this.updateDocuments = update;
        this.originals = new Shapes(original);
        this.updates = new Shapes(update);
    }

    /** The same comparison in the other direction, for keywords such as {@code not} that reverse it. */
    SchemaDiff reversed() {
        return new SchemaDiff(updateDocuments, originalDocuments);
    }

    static List<Difference> compare(SchemaDocuments original, SchemaDocuments update) {
        DiffContext ctx = new DiffContext();
        new SchemaDiff(original, update).compare(ctx, Subschema.whole(original.main()), Subschema.whole(update.main()));
        return List.copyOf(ctx.differences());
    }

    Shapes originals() {
        return originals;
    }

    Shapes updates() {
        return updates;
    }

    void compare(DiffContext ctx, Subschema original, Subschema update) {
        if (original == null && update == null) {
            return;
        }
        if (original == null) {
            ctx.add(DifferenceType.SCHEMA_ADDED);
            return;
        }
        if (update == null) {
            ctx.add(DifferenceType.SCHEMA_REMOVED);
            return;
        }
        Shape from = originals.of(original);
        Shape to = updates.of(update);
        if (comparedAsCombination(ctx, original, update, from, to)) {
            return;
        }
        if (from.kind() != to.kind()) {
            if (from.kind() != Kind.FALSE && !to.isEmptyLike()) {
                ctx.add(DifferenceType.TYPE_CHANGED);
            }
            return;
        }
        ctx.once(from, to, () -> compareSameKind(ctx, from, to));
    }

    /**
     * A plain schema against a combination: a singleton combination is its one member, an update
     * {@code anyOf}/{@code oneOf} may just add alternatives, and an original {@code allOf} may lose
     * conditions. Returns whether that settled the comparison.
     */
    private boolean comparedAsCombination(DiffContext ctx, Subschema original, Subschema update, Shape from, Shape to) {
        boolean fromCombined = from.kind() == Kind.COMBINED;
        boolean toCombined = to.kind() == Kind.COMBINED;
        if (!fromCombined && toCombined) {
            if (to.members().size() == 1) {
                return takeIfCompatible(ctx, original, to.members().get(0), null);
            }
            if (!Shape.ALL_OF.equals(to.criterion())) {
                return to.members().stream()
                        .anyMatch(member -> takeIfCompatible(ctx, original, member, DifferenceType.SUM_TYPE_EXTENDED));
            }
        } else if (fromCombined && !toCombined) {
            if (from.members().size() == 1) {
                return takeIfCompatible(ctx, from.members().get(0), update, null);
            }
            if (Shape.ALL_OF.equals(from.criterion())) {
                return from.members().stream()
                        .anyMatch(member -> takeIfCompatible(ctx, member, update, DifferenceType.PRODUCT_TYPE_NARROWED));
            }
        }
        return false;
    }

    private boolean takeIfCompatible(DiffContext ctx, Subschema original, Subschema update, DifferenceType marker) {
        DiffContext sub = ctx.sub();
        compare(sub, original, update);
        if (!sub.isCompatible()) {
            return false;
        }
        ctx.addAll(sub.differences());
        if (marker != null) {
            ctx.add(marker);
        }
        return true;
    }

    private void compareSameKind(DiffContext ctx, Shape original, Shape update) {
        compareAnnotations(ctx, original, update);
        switch (original.kind()) {
            case STRING -> values.compareStrings(ctx, original, update);
            case NUMBER -> values.compareNumbers(ctx, original, update);
            case ENUM -> values.compareEnums(ctx, original, update);
            case CONST -> values.compareConsts(ctx, original, update);
            case NOT -> values.compareNots(ctx, original, update);
            case COMBINED -> combinations.compare(ctx, original, update);
            case OBJECT -> objects.compare(ctx, original, update);
            case ARRAY -> arrays.compare(ctx, original, update);
            default -> {
                // booleans, nulls, conditionals and empty schemas have nothing more to compare
            }
        }
    }

    private static void compareAnnotations(DiffContext ctx, Shape original, Shape update) {
        String idKeyword = original.at().draft().idKeyword();
        addIfChanged(ctx, original.attribute(idKeyword), update.attribute(idKeyword), DifferenceType.ID_CHANGED);
        addIfChanged(ctx, original.attribute("title"), update.attribute("title"), DifferenceType.TITLE_CHANGED);
        addIfChanged(ctx, original.attribute("description"), update.attribute("description"),
                DifferenceType.DESCRIPTION_CHANGED);
        addIfChanged(ctx, original.attribute("default"), update.attribute("default"), DifferenceType.DEFAULT_CHANGED);
    }

    private static void addIfChanged(DiffContext ctx, JsonNode original, JsonNode update, DifferenceType type) {
        if (!Objects.equals(original, update)) {
            ctx.add(type);
        }
    }
}
