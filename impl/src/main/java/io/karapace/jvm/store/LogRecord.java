package io.karapace.jvm.store;

/**
 * One decoded record of the schemas topic: its logical key, its value (null for a tombstone),
 * the exact key bytes it was written with, and its offset.
 */
public record LogRecord(LogKey key, LogValue value, byte[] rawKey, long offset) {
    public boolean isTombstone() {
        return value == null;
    }
}
