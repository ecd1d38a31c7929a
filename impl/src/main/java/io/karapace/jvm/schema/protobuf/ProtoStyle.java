package io.karapace.jvm.schema.protobuf;

/** How a schema is written out: as stored, normalized, or without custom options and extensions. */
record ProtoStyle(boolean normalize, boolean ignoreExtensions) {
    static final ProtoStyle CANONICAL = new ProtoStyle(false, false);
    static final ProtoStyle NORMALIZED = new ProtoStyle(true, false);
    static final ProtoStyle WITHOUT_EXTENSIONS = new ProtoStyle(false, true);
}
