package io.karapace.jvm.backup.cli;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * The progress line of {@code get} on a terminal: records, bytes, records per second and the time left,
 * estimated from the offsets still to read. Off when the output is not a console.
 */
final class Progress {
    private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final PrintWriter out;
    private final boolean enabled;
    private final long startOffset;
    private final long endOffset;
    private final long startedAt = System.nanoTime();
    private long shownAt;

    Progress(PrintWriter out, boolean enabled, long startOffset, long endOffset) {
        this.out = out;
        this.enabled = enabled;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
    }

    void update(long records, long bytes, long offset) {
        long now = System.nanoTime();
        if (!enabled || now - shownAt < EVERY_NANOS) {
            return;
        }
        shownAt = now;
        double seconds = Math.max((now - startedAt) / 1e9, 1e-3);
        double offsetsPerSecond = (offset + 1 - startOffset) / seconds;
        long left = offsetsPerSecond <= 0 ? 0 : (long) ((endOffset - offset - 1) / offsetsPerSecond);
        out.printf("\r%,d records, %s, %,.0f records/s, ETA %d:%02d   ", records, size(bytes), records / seconds,
                left / 60, left % 60);
        out.flush();
    }

    void done() {
        if (enabled && shownAt != 0) {
            out.println();
        }
    }

    double seconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
