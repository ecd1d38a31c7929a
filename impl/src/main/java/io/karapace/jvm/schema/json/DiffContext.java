package io.karapace.jvm.schema.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a comparison is (the JSON path of the original schema), what it found so far, and which pairs of
 * schemas are being compared further up, so that recursive schemas end.
 */
final class DiffContext {
    private final Deque<String> path;
    private final List<Difference> differences = new ArrayList<>();
    private final Set<PairKey> inProgress;

    DiffContext() {
        this(new ArrayDeque<>(), new HashSet<>());
    }

    private DiffContext(Deque<String> path, Set<PairKey> inProgress) {
        this.path = path;
        this.inProgress = inProgress;
    }

    /** A context at the same path whose findings are kept apart until the caller decides to take them. */
    DiffContext sub() {
        return new DiffContext(new ArrayDeque<>(path), inProgress);
    }

    void at(String segment, Runnable comparison) {
        path.addLast(segment);
        try {
            comparison.run();
        } finally {
            path.removeLast();
        }
    }

    void add(DifferenceType type) {
        differences.add(new Difference(type, "#/" + String.join("/", path)));
    }

    void add(String segment, DifferenceType type) {
        at(segment, () -> add(type));
    }

    void addAll(List<Difference> found) {
        differences.addAll(found);
    }

    List<Difference> differences() {
        return differences;
    }

    boolean isCompatible() {
        return differences.stream().allMatch(difference -> difference.type().compatible);
    }

    /** Runs the comparison unless the same pair is already being compared further up (a recursive schema). */
    void once(Shape original, Shape update, Runnable comparison) {
        PairKey key = new PairKey(original, update);
        if (!inProgress.add(key)) {
            return;
        }
        try {
            comparison.run();
        } finally {
            inProgress.remove(key);
        }
    }

    /** Two shapes by the identity of their nodes, so equal-looking schemas at different places stay apart. */
    private record PairKey(Shape original, Shape update) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PairKey other && same(original, other.original) && same(update, other.update);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(original.at().node()) + System.identityHashCode(update.at().node());
        }

        private static boolean same(Shape a, Shape b) {
            return a.at().node() == b.at().node() && a.kind() == b.kind() && a.whole() == b.whole()
                    && java.util.Objects.equals(a.criterion(), b.criterion());
        }
    }
}
