package io.karapace.jvm.schema;

import java.util.List;
import java.util.Objects;

/**
 * The common part of every parsed schema: its canonical text and the references it was parsed
 * with, which together are its identity.
 */
public abstract class CanonicalSchema implements ParsedSchema {
    private final String canonical;
    private final List<ReferencedSchema> references;

    protected CanonicalSchema(String canonical, List<ReferencedSchema> references) {
        this.canonical = canonical;
        this.references = List.copyOf(references);
    }

    @Override
    public final String canonical() {
        return canonical;
    }

    protected final List<ReferencedSchema> references() {
        return references;
    }

    private List<SchemaReference> referenceIds() {
        return references.stream().map(ReferencedSchema::reference).toList();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass()
                && canonical.equals(((CanonicalSchema) o).canonical)
                && referenceIds().equals(((CanonicalSchema) o).referenceIds());
    }

    @Override
    public final int hashCode() {
        return Objects.hash(canonical, referenceIds());
    }

    @Override
    public final String toString() {
        return canonical;
    }
}
