package io.karapace.jvm.registry;

/** One version of a subject as clients see it. */
public record SchemaVersion(String subject, int version, StoredSchema schema, boolean deleted) {
    public int id() {
        return schema.id();
    }
}
