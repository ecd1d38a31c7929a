package io.karapace.jvm.registry;

/** One version in a subject's history, live or soft-deleted. */
record VersionEntry(int version, StoredSchema schema, boolean deleted) {
}
