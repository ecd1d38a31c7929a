package io.karapace.jvm.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * This node's part in its registry group: whether it is primary (Karapace reports
 * {@code schema_registry_is_primary} in /_health; Confluent's JMX {@code master-slave-role}), the
 * elections it took part in, and the writes it forwarded to the primary.
 */
public final class ClusterMeters {
    private ClusterMeters() {
    }

    /** What the metrics read of the node; plain suppliers, so the cluster package knows nothing of meters. */
    public record Node(BooleanSupplier primary, IntSupplier generation, LongSupplier elections,
                       LongSupplier forwardedWrites, LongSupplier failedForwards) {
    }

    public static void bind(MeterRegistry registry, Node node) {
        Gauge.builder("karapace.is.primary", node, n -> n.primary().getAsBoolean() ? 1 : 0)
                .description("1 while this node is the primary that accepts writes, else 0").strongReference(true)
                .register(registry);
        Gauge.builder("karapace.election.generation", node, n -> n.generation().getAsInt())
                .description("Generation of the last election this node completed, -1 before any")
                .strongReference(true).register(registry);
        FunctionCounter.builder("karapace.elections", node, n -> n.elections().getAsLong())
                .description("Elections (completed joins of the group) this node took part in").register(registry);
        FunctionCounter.builder("karapace.forwarded.writes", node, n -> n.forwardedWrites().getAsLong())
                .description("Writes this node sent to the primary").register(registry);
        FunctionCounter.builder("karapace.forwarded.writes.failed", node, n -> n.failedForwards().getAsLong())
                .description("Writes that could not be forwarded: no primary known or it could not be reached")
                .register(registry);
    }
}
