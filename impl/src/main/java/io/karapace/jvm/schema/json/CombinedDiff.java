package io.karapace.jvm.schema.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares {@code allOf}/{@code anyOf}/{@code oneOf}: the criterion may only widen, alternatives may be
 * added and conditions dropped, and the members must pair up one to one with compatible partners
 * (the largest such pairing is looked for, as Confluent does).
 */
final class CombinedDiff {
    private final SchemaDiff diff;

    CombinedDiff(SchemaDiff diff) {
        this.diff = diff;
    }

    void compare(DiffContext ctx, Shape original, Shape update) {
        if (compareCriteria(ctx, original, update) == DifferenceType.COMBINED_TYPE_CHANGED) {
            return;
        }
        List<Subschema> from = distinct(original.members());
        List<Subschema> to = distinct(update.members());
        boolean allOf = Shape.ALL_OF.equals(update.criterion());
        if (from.size() < to.size()) {
            ctx.add(allOf ? DifferenceType.PRODUCT_TYPE_EXTENDED : DifferenceType.SUM_TYPE_EXTENDED);
        } else if (from.size() > to.size()) {
            ctx.add(allOf ? DifferenceType.PRODUCT_TYPE_NARROWED : DifferenceType.SUM_TYPE_NARROWED);
        }
        List<List<List<Difference>>> compatible = compatiblePairs(ctx, original.criterion(), from, to);
        int[] partnerOf = maximumMatching(compatible, to.size());
        int matched = 0;
        for (int i = 0; i < from.size(); i++) {
            if (partnerOf[i] >= 0) {
                ctx.addAll(compatible.get(i).get(partnerOf[i]));
                matched++;
            }
        }
        if (matched < Math.min(from.size(), to.size())) {
            ctx.add(DifferenceType.COMBINED_TYPE_SUBSCHEMAS_CHANGED);
        }
    }

    /** An update may widen to {@code anyOf}, and a single-member combination may become any criterion. */
    private static DifferenceType compareCriteria(DiffContext ctx, Shape original, Shape update) {
        String from = original.criterion();
        String to = update.criterion();
        if (from.equals(to)) {
            return null;
        }
        boolean singleFrom = original.members().size() == 1;
        DifferenceType type = switch (to) {
            case Shape.ANY_OF -> DifferenceType.COMBINED_TYPE_EXTENDED;
            case Shape.ONE_OF -> singleFrom ? DifferenceType.COMBINED_TYPE_EXTENDED : DifferenceType.COMBINED_TYPE_CHANGED;
            default -> singleFrom && update.members().size() == 1
                    ? DifferenceType.COMBINED_TYPE_EXTENDED : DifferenceType.COMBINED_TYPE_CHANGED;
        };
        ctx.add(type);
        return type;
    }

    /** For each original member and each update member, the differences when compatible, else null. */
    private List<List<List<Difference>>> compatiblePairs(DiffContext ctx, String criterion, List<Subschema> from,
                                                         List<Subschema> to) {
        List<List<List<Difference>>> pairs = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            Subschema member = from.get(i);
            List<List<Difference>> row = new ArrayList<>();
            ctx.at(criterion + "/" + i, () -> {
                for (Subschema candidate : to) {
                    DiffContext sub = ctx.sub();
                    diff.compare(sub, member, candidate);
                    row.add(sub.isCompatible() ? List.copyOf(sub.differences()) : null);
                }
            });
            pairs.add(row);
        }
        return pairs;
    }

    /** Kuhn's augmenting paths; returns for each original member the index of its partner, or -1. */
    private static int[] maximumMatching(List<List<List<Difference>>> compatible, int updateCount) {
        int[] partnerOfUpdate = new int[updateCount];
        Arrays.fill(partnerOfUpdate, -1);
        for (int i = 0; i < compatible.size(); i++) {
            augment(i, compatible, partnerOfUpdate, new boolean[updateCount]);
        }
        int[] partnerOf = new int[compatible.size()];
        Arrays.fill(partnerOf, -1);
        for (int j = 0; j < updateCount; j++) {
            if (partnerOfUpdate[j] >= 0) {
                partnerOf[partnerOfUpdate[j]] = j;
            }
        }
        return partnerOf;
    }

    private static boolean augment(int i, List<List<List<Difference>>> compatible, int[] partnerOfUpdate,
                                   boolean[] visited) {
        for (int j = 0; j < partnerOfUpdate.length; j++) {
            if (compatible.get(i).get(j) == null || visited[j]) {
                continue;
            }
            visited[j] = true;
            if (partnerOfUpdate[j] < 0 || augment(partnerOfUpdate[j], compatible, partnerOfUpdate, visited)) {
                partnerOfUpdate[j] = i;
                return true;
            }
        }
        return false;
    }

    /** Repeated members count once, as in Confluent, which collects them into a set. */
    private static List<Subschema> distinct(List<Subschema> members) {
        Map<String, Subschema> byText = new LinkedHashMap<>();
        for (Subschema member : members) {
            byText.putIfAbsent(member.aspect() + " " + member.typeName() + " " + JsonCodec.write(member.at().node()), member);
        }
        return new ArrayList<>(byText.values());
    }
}
