package io.karapace.jvm.schema;

/** A named dependency of a schema on one version of another subject. */
public record SchemaReference(String name, String subject, int version) {
}
