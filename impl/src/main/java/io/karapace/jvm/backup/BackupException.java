package io.karapace.jvm.backup;

/**
 * A backup that cannot be read as its format says: truncated, a wrong checksum or magic, unparseable.
 * The message names the file and the record (index, offset or line) where reading stopped.
 */
public final class BackupException extends Exception {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
