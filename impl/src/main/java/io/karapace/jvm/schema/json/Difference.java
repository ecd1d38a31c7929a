package io.karapace.jvm.schema.json;

/** One change found at a JSON path such as {@code #/properties/foo}. */
record Difference(DifferenceType type, String path) {

    /** The issue as Confluent writes it, e.g. {@code {errorType:"TYPE_CHANGED", description:"A type at path ..."}}. */
    String issue() {
        return "{errorType:\"" + type + "\", description:\"" + type.describe(path) + "\"}";
    }

    @Override
    public String toString() {
        return type + " " + path;
    }
}
