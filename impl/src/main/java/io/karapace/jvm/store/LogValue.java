package io.karapace.jvm.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import java.util.List;

/** The value of a record in the schemas topic; a tombstone (null or empty bytes) has none. */
public sealed interface LogValue {

    /** One subject-version. {@code metadata} and {@code ruleSet} are kept verbatim (may be null). */
    record Schema(String subject, int version, int id, SchemaType schemaType,
                  List<SchemaReference> references, ObjectNode metadata, ObjectNode ruleSet,
                  String schema, boolean deleted) implements LogValue {
        public Schema withDeleted(boolean deleted) {
            return new Schema(subject, version, id, schemaType, references, metadata, ruleSet, schema, deleted);
        }
    }

    /**
     * A config record. {@code fields} holds every property as stored ({@code compatibilityLevel},
     * {@code normalize}, {@code alias}, ...), so fields we do not interpret survive a rewrite.
     */
    record Config(ObjectNode fields) implements LogValue {
    }

    record Mode(String subject, String mode) implements LogValue {
    }

    /** Marks versions 1..version of the subject soft-deleted. */
    record DeleteSubject(String subject, int version) implements LogValue {
    }

    record ClearSubject(String subject) implements LogValue {
    }

    record Context(String tenant, String context) implements LogValue {
    }
}
