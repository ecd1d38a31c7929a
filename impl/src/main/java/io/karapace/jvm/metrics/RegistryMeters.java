package io.karapace.jvm.metrics;

import io.karapace.jvm.registry.RegistryStats;
import io.karapace.jvm.schema.SchemaType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The schema registry's gauges and counters under Karapace's names (Karapace src/karapace/core/stats.py:
 * {@code karapace_schema_reader_records_processed_total{keymode}}, {@code karapace_schema_reader_schemas},
 * {@code karapace_schema_reader_subjects}, {@code karapace_schema_reader_subject_data_schema_versions{state}}),
 * plus the reader's offset and lag and schemas by type. No label names a subject.
 */
public final class RegistryMeters {
    private RegistryMeters() {
    }

    /**
     * @param stats  the registry's counts, read at most once per scrape
     * @param offset offset of the last record the reader applied
     * @param lag    records in the log past the reader's position, -1 while unknown
     */
    public static void bind(MeterRegistry registry, Supplier<RegistryStats> stats, LongSupplier offset,
                            LongSupplier lag) {
        Snapshot<RegistryStats> snapshot = new Snapshot<>(stats);
        gauge(registry, "karapace.schema.reader.schemas", "Total number of schemas", snapshot,
                RegistryStats::schemas);
        for (SchemaType type : SchemaType.values()) {
            Gauge.builder("karapace.schema.reader.schemas.by.type", snapshot,
                            s -> s.get().schemasByType().getOrDefault(type, 0))
                    .description("Schemas by schema type").tag("type", type.name()).strongReference(true)
                    .register(registry);
        }
        gauge(registry, "karapace.schema.reader.subjects", "Total number of subjects", snapshot,
                RegistryStats::subjects);
        Gauge.builder("karapace.schema.reader.subject.data.schema.versions", snapshot, s -> s.get().liveVersions())
                .description("Schema versions").tag("state", "live").strongReference(true).register(registry);
        Gauge.builder("karapace.schema.reader.subject.data.schema.versions", snapshot,
                        s -> s.get().softDeletedVersions())
                .description("Schema versions").tag("state", "soft_deleted").strongReference(true).register(registry);
        // Karapace labels the key layout: KeyMode.CANONICAL or DEPRECATED_KARAPACE (core/key_format.py)
        FunctionCounter.builder("karapace.schema.reader.records.processed", snapshot,
                        s -> s.get().canonicalRecords())
                .description("Total processed schema records").tag("keymode", "CANONICAL").register(registry);
        FunctionCounter.builder("karapace.schema.reader.records.processed", snapshot, s -> s.get().otherRecords())
                .description("Total processed schema records").tag("keymode", "DEPRECATED_KARAPACE")
                .register(registry);
        FunctionCounter.builder("karapace.schema.reader.records.skipped", snapshot, s -> s.get().skippedRecords())
                .description("Schema records that could not be read and were skipped").register(registry);
        Gauge.builder("karapace.schema.reader.offset", offset, LongSupplier::getAsLong)
                .description("Offset of the last schemas topic record applied").strongReference(true)
                .register(registry);
        Gauge.builder("karapace.schema.reader.lag", lag, LongSupplier::getAsLong)
                .description("Records of the schemas topic not yet read, -1 while unknown").strongReference(true)
                .register(registry);
    }

    private static void gauge(MeterRegistry registry, String name, String description, Snapshot<RegistryStats> stats,
                              ToDoubleFunction<RegistryStats> value) {
        Gauge.builder(name, stats, s -> value.applyAsDouble(s.get())).description(description)
                .strongReference(true).register(registry);
    }

    /** The stats as of the last 200 ms: one scrape reads the registry's state once, not once per gauge. */
    static final class Snapshot<T> {
        private static final long MAX_AGE_NANOS = 200_000_000L;
        private final Supplier<T> source;
        private T value;
        private long takenAt;

        Snapshot(Supplier<T> source) {
            this.source = source;
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (value == null || now - takenAt > MAX_AGE_NANOS) {
                value = source.get();
                takenAt = now;
            }
            return value;
        }
    }
}
