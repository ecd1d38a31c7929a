package io.karapace.jvm.schema;

/**
 * How strictly a provider parses: NEW for schemas being registered (all checks), STORED for
 * schemas replayed from the log, which were accepted once and must keep being served.
 */
public enum Validation {
    NEW, STORED
}
