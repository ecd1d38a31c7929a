package io.karapace.jvm.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stop closes, phase by phase in the order of {@link Phase}, each phase logged in one line; within a
 * phase the steps close in the reverse order of their adding (what started last stops first).
 */
final class ShutdownPlan {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownPlan.class);

    enum Phase {
        STOP_ACCEPTING("stop accepting connections"),
        FINISH_REQUESTS("finish the requests in flight"),
        // after the requests in flight: a registration accepted before the stop completes on this primary
        LEAVE_ELECTION("leave the election group, so another node becomes primary at once"),
        CLOSE_CONSUMERS("close REST consumer instances, leaving their groups"),
        FLUSH_PRODUCERS("flush and close the producers"),
        CLOSE_STORE("close the schemas topic's clients and the authfile watcher"),
        STOP_KAFKA("stop the embedded Kafka");

        final String description;

        Phase(String description) {
            this.description = description;
        }
    }

    private final Map<Phase, Deque<AutoCloseable>> steps = new EnumMap<>(Phase.class);
    private boolean done;

    synchronized void add(Phase phase, AutoCloseable step) {
        steps.computeIfAbsent(phase, p -> new ArrayDeque<>()).push(step);
    }

    /** Runs once; later calls (a shutdown hook after a signal) return at once. */
    synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        long started = System.nanoTime();
        steps.forEach((phase, closeables) -> {
            LOG.info("Stopping: {}", phase.description);
            closeables.forEach(ShutdownPlan::close);
        });
        LOG.info("Stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void close(AutoCloseable step) {
        try {
            step.close();
        } catch (Exception e) {
            LOG.warn("Error while stopping {}: {}", step.getClass().getSimpleName(), e.toString());
        }
    }
}
