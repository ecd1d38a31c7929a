package io.karapace.jvm.store;

/**
 * The logical key of a record in the schemas topic. Two records with equal logical keys are
 * the same entry, whatever the byte layout of their keys (see {@link RecordCodec}).
 * A null subject on CONFIG and MODE keys means the global scope.
 */
public sealed interface LogKey {

    record Schema(String subject, int version) implements LogKey {
    }

    record Config(String subject) implements LogKey {
    }

    record Mode(String subject) implements LogKey {
    }

    record DeleteSubject(String subject) implements LogKey {
    }

    record ClearSubject(String subject) implements LogKey {
    }

    record Context(String tenant, String context) implements LogKey {
    }

    record Noop() implements LogKey {
    }
}
