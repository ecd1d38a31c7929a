package io.karapace.jvm.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-process counterpart of wrk for references that are Kafka client calls: {@code clients} threads each
 * repeat one operation back to back for a fixed time; every operation's latency is kept.
 */
public final class ClosedLoop {
    private ClosedLoop() {
    }

    /** One operation, e.g. send a batch and wait for its acknowledgements. */
    @FunctionalInterface
    public interface Operation {
        void run(int client) throws Exception;
    }

    public static LoadResult run(String series, int clients, double seconds, int itemsPerOperation, Operation operation)
            throws InterruptedException {
        AtomicLong errors = new AtomicLong();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        long[][] perClient = new long[clients][];
        Thread[] threads = new Thread[clients];
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        for (int client = 0; client < clients; client++) {
            int id = client;
            threads[client] = new Thread(() -> perClient[id] = loop(id, deadline, operation, errors, firstError),
                    "closed-loop-" + client);
            threads[client].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = Arrays.stream(perClient).flatMapToLong(Arrays::stream).toArray();
        if (all.length == 0 && firstError.get() != null) {
            throw new IllegalStateException("every operation failed: " + firstError.get(), firstError.get());
        }
        return new LoadResult(series, clients, all.length, errors.get(), elapsed, itemsPerOperation,
                LatencyStats.ofNanos(all));
    }

    private static long[] loop(int client, long deadline, Operation operation, AtomicLong errors,
                               AtomicReference<Exception> firstError) {
        long[] latencies = new long[1024];
        int count = 0;
        while (System.nanoTime() < deadline) {
            long begin = System.nanoTime();
            try {
                operation.run(client);
            } catch (Exception e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e);
                continue;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - begin;
        }
        return Arrays.copyOf(latencies, count);
    }
}
