package io.karapace.jvm.backup;

import java.util.List;

/**
 * One record of a backup: key and value as raw bytes (null for a null key or a tombstone), its headers,
 * and the offset and timestamp it had in the topic ({@link #UNKNOWN} in the legacy formats, which keep
 * neither).
 */
public record BackupRecord(byte[] key, byte[] value, List<Header> headers, long offset, long timestamp) {
    public static final long UNKNOWN = -1;

    public BackupRecord {
        headers = List.copyOf(headers);
    }

    /** A record of a legacy format: no headers, offset or timestamp. */
    public static BackupRecord keyValue(byte[] key, byte[] value) {
        return new BackupRecord(key, value, List.of(), UNKNOWN, UNKNOWN);
    }

    public boolean isTombstone() {
        return value == null;
    }

    /** A record header; Kafka header keys are strings, kept here as their UTF-8 bytes. */
    public record Header(byte[] key, byte[] value) {
    }
}
