package io.karapace.jvm.registry;

/** A subject-version pair. */
public record SubjectVersion(String subject, int version) {
}
