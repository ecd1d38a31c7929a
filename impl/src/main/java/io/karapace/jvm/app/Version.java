package io.karapace.jvm.app;

/** This build's version, from the jar manifest (unknown when run from classes). */
final class Version {
    static final String NUMBER = orUnknown(Version.class.getPackage().getImplementationVersion());

    private Version() {
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
