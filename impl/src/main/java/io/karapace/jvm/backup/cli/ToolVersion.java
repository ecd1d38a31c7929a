package io.karapace.jvm.backup.cli;

/** The version written as {@code tool_version} in V3 metadata: the jar's, or "unknown" in a build tree. */
final class ToolVersion {
    static final String NUMBER = orUnknown(ToolVersion.class.getPackage().getImplementationVersion());

    private ToolVersion() {
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
