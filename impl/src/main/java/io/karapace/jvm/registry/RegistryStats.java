package io.karapace.jvm.registry;

import io.karapace.jvm.schema.SchemaType;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Counts of the registry's state for the metrics endpoint, as Karapace reports them
 * (in_memory_database.py num_schemas, num_subjects, num_schema_versions; stats.py).
 *
 * @param schemas           distinct schema ids
 * @param schemasByType     distinct schema ids by schema type, every type present
 * @param subjects          subjects holding at least one version, live or soft-deleted
 * @param liveVersions      versions not soft-deleted, over all subjects
 * @param softDeletedVersions versions soft-deleted and not yet permanently deleted
 * @param canonicalRecords  log records applied with Confluent's key layout
 * @param otherRecords      log records applied with another key layout
 * @param skippedRecords    log records that could not be read and were skipped
 */
public record RegistryStats(int schemas, Map<SchemaType, Integer> schemasByType, int subjects, int liveVersions,
                            int softDeletedVersions, long canonicalRecords, long otherRecords, long skippedRecords) {

    /** Call inside the state's read lock. */
    static RegistryStats of(RegistryState state, long canonical, long other, long skipped) {
        Map<SchemaType, Integer> byType = new EnumMap<>(SchemaType.class);
        for (SchemaType type : SchemaType.values()) {
            byType.put(type, 0);
        }
        int schemas = 0;
        for (StoredSchema schema : state.allSchemas()) {
            byType.merge(schema.type(), 1, Integer::sum);
            schemas++;
        }
        int live = 0;
        int deleted = 0;
        for (NavigableMap<Integer, VersionEntry> versions : state.subjects().values()) {
            for (VersionEntry entry : versions.values()) {
                if (entry.deleted()) {
                    deleted++;
                } else {
                    live++;
                }
            }
        }
        return new RegistryStats(schemas, Map.copyOf(byType), state.subjects().size(), live, deleted, canonical,
                other, skipped);
    }
}
