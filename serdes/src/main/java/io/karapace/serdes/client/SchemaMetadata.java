package io.karapace.serdes.client;

/** One version of a subject: its global id, its version number and its schema. */
public record SchemaMetadata(int id, int version, String subject, SchemaString schema) {
}
