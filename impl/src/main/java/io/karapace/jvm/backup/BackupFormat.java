package io.karapace.jvm.backup;

/**
 * The backup formats: V3 and V2 are written and read; V1 (a JSON array of key/value pairs) and the
 * text of {@code kafka-console-consumer --property print.key=true} are only read (API.md D.4).
 */
public enum BackupFormat {
    V1, V2, V3, CONSOLE
}
