package io.karapace.jvm.schema.protobuf;

/** One change found between two versions, at a path like {@code #/Outer/Inner/3}. */
record Difference(DifferenceKind kind, String path) {

    boolean compatible() {
        return kind.compatible();
    }

    /** Confluent's rendering, e.g. {@code {errorType:"FIELD_KIND_CHANGED", description:"The type of ..."}}. */
    String issue() {
        return "{errorType:\"" + kind + "\", description:\"" + kind.describe(path) + "\"}";
    }

    @Override
    public String toString() {
        return kind + " " + path;
    }
}
