package io.karapace.jvm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** RSS of a process from /proc/&lt;pid&gt;/status, once or sampled in the background. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    public static long rssKb(long pid) throws IOException {
        return parseRssKb(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
    }

    static long parseRssKb(String status) {
        return status.lines().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no VmRSS line in /proc status"));
    }

    /** Samples the RSS every {@code periodMs} until {@link #stop}. */
    public static final class Sampler implements AutoCloseable {
        private final List<Long> samples = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        public Sampler(long pid, long periodMs) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        long rss = rssKb(pid);
                        synchronized (samples) {
                            samples.add(rss);
                        }
                        Thread.sleep(periodMs);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        /** Stops sampling; returns {max, mean} in KiB. */
        public long[] stop() throws InterruptedException {
            running.set(false);
            thread.join();
            synchronized (samples) {
                long max = samples.stream().mapToLong(Long::longValue).max().orElse(0);
                long mean = (long) samples.stream().mapToLong(Long::longValue).average().orElse(0);
                return new long[] {max, mean};
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
