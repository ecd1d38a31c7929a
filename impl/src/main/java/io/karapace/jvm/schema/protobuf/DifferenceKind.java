package io.karapace.jvm.schema.protobuf;

/**
 * The kinds of change between two versions of a Protobuf schema that Confluent's registry tells
 * apart, each either safe for a reader of the new version or not. An incompatible kind carries
 * Confluent's wording, in which the first {@code %s} stands for the reader's role and the second
 * for the writer's.
 */
enum DifferenceKind {
    PACKAGE_CHANGED(false, "The package at '", "' in the %s schema does not match the package in the %s schema"),
    MESSAGE_ADDED(true),
    MESSAGE_REMOVED(false, "The %s schema is missing a MESSAGE type at path '", "' in the %s schema"),
    MESSAGE_MOVED(true),
    ENUM_ADDED(true),
    ENUM_REMOVED(true),
    ENUM_CONST_ADDED(true),
    ENUM_CONST_CHANGED(true),
    ENUM_CONST_REMOVED(true),
    FIELD_ADDED(true),
    FIELD_REMOVED(true),
    FIELD_NAME_CHANGED(true),
    FIELD_KIND_CHANGED(false, "The type of a field at path '", "' in the %s schema does not match the %s schema"),
    FIELD_SCALAR_KIND_CHANGED(false, "The kind of a SCALAR field at path '",
            "' in the %s schema does not match its kind in the %s schema"),
    FIELD_NAMED_TYPE_CHANGED(false, "The type of a MESSAGE field at path '",
            "' in the %s schema does not match its type in the %s schema"),
    FIELD_NUMERIC_LABEL_CHANGED(false, "The label for a NUMERIC field at path '",
            "' in the %s schema does not match its label in the %s schema"),
    FIELD_STRING_OR_BYTES_LABEL_CHANGED(true),
    // The double space is Confluent's.
    REQUIRED_FIELD_ADDED(false, "A required field  at path '", "' in the %s schema is missing in the %s schema"),
    REQUIRED_FIELD_REMOVED(false, "The %s schema is missing a required field at path: '", "' in the %s schema"),
    ONEOF_ADDED(true),
    ONEOF_REMOVED(true),
    ONEOF_FIELD_ADDED(true),
    ONEOF_FIELD_REMOVED(false, "The %s schema is missing a oneof field at path '", "' in the %s schema"),
    MULTIPLE_FIELDS_MOVED_TO_ONEOF(false, "Multiple fields in the oneof at path '",
            "' in the %s schema are outside a oneof in the %s schema"),
    FIELD_MOVED_TO_EXISTING_ONEOF(false, "A field in the oneof at path '",
            "' in the %s schema is outside an existing oneof in the %s schema");

    private final boolean compatible;
    private final String beforePath;
    private final String afterPath;

    DifferenceKind(boolean compatible) {
        this(compatible, "", "");
    }

    DifferenceKind(boolean compatible, String beforePath, String afterPath) {
        this.compatible = compatible;
        this.beforePath = beforePath;
        this.afterPath = afterPath;
    }

    boolean compatible() {
        return compatible;
    }

    String describe(String path) {
        return beforePath.isEmpty() ? "" : beforePath + path + afterPath;
    }
}
