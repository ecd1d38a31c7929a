package io.karapace.jvm.backup;

/** Receives the records of a backup or a topic, in order. */
@FunctionalInterface
public interface RecordSink {
    void accept(BackupRecord record);

    /** A sink that drops everything, for validating a backup without restoring it. */
    static RecordSink discarding() {
        return record -> { };
    }
}
