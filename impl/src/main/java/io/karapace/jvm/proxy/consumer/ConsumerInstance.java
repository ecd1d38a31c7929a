package io.karapace.jvm.proxy.consumer;

import io.karapace.jvm.proxy.ProxyError;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One REST consumer instance: a Kafka consumer that only its serial executor touches. Nothing here blocks
 * while waiting for records: a fetch polls without waiting, then asks the timer to queue its next poll, so
 * between polls it holds no thread and the instance's other requests run in the gaps.
 */
final class ConsumerInstance {
    /** How often a waiting fetch polls again: the added latency for a record that arrives meanwhile. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerInstance.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** Work on the Kafka consumer that answers nothing. */
    interface Action {
        void run(Consumer<byte[], byte[]> consumer);
    }

    /** Work on the Kafka consumer that answers a value. */
    interface Query<T> {
        T apply(Consumer<byte[], byte[]> consumer);
    }

    private final InstanceOptions options;
    private final SerialExecutor serial;
    private final ScheduledExecutorService timer;
    private final Set<PendingFetch> fetches = new HashSet<>();
    private Consumer<byte[], byte[]> consumer;
    private volatile long lastUsed = System.nanoTime();

    ConsumerInstance(InstanceOptions options, ScheduledExecutorService workers) {
        this.options = options;
        this.serial = new SerialExecutor(workers);
        this.timer = workers;
    }

    InstanceOptions options() {
        return options;
    }

    CompletableFuture<Void> open(Supplier<Consumer<byte[], byte[]>> factory) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        serial.execute(() -> {
            try {
                consumer = factory.get();
                opened.complete(null);
            } catch (RuntimeException e) {
                opened.completeExceptionally(KafkaFailures.translate(e));
            }
        });
        return opened;
    }

    CompletableFuture<Void> run(Action action) {
        return call(kafka -> {
            action.run(kafka);
            return null;
        });
    }

    /** Queues the work; it fails with 40403 if the instance is closed by the time its turn comes. */
    <T> CompletableFuture<T> call(Query<T> query) {
        touch();
        CompletableFuture<T> result = new CompletableFuture<>();
        serial.execute(() -> {
            touch();
            if (consumer == null) {
                result.completeExceptionally(ProxyError.CONSUMER_INSTANCE_NOT_FOUND.exception());
                return;
            }
            try {
                result.complete(query.apply(consumer));
            } catch (RuntimeException e) {
                result.completeExceptionally(KafkaFailures.translate(e));
            }
        });
        return result;
    }

    /** Gathers records until {@code timeout} passes, {@code maxBytes} would be exceeded or fetch.min.bytes is met. */
    CompletableFuture<List<FetchedRecord>> fetch(Duration timeout, long maxBytes) {
        touch();
        PendingFetch fetch = new PendingFetch(System.nanoTime() + timeout.toNanos(), maxBytes,
                options.fetchMinBytes());
        serial.execute(() -> {
            if (consumer == null) {
                fetch.fail(ProxyError.CONSUMER_INSTANCE_NOT_FOUND.exception());
                return;
            }
            fetches.add(fetch);
            poll(fetch);
        });
        return fetch.result();
    }

    /** Closes the Kafka consumer after the work already queued; pending fetches answer what they hold. */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        serial.execute(() -> {
            fetches.forEach(PendingFetch::finish);
            fetches.clear();
            if (consumer != null) {
                closeQuietly(consumer);
                consumer = null;
            }
            closed.complete(null);
        });
        return closed;
    }

    boolean idleFor(Duration idleTimeout, long now) {
        return now - lastUsed >= idleTimeout.toNanos();
    }

    private void poll(PendingFetch fetch) {
        if (fetch.isFinished()) {
            return;
        }
        touch();
        try {
            fetch.take(consumer, consumer.poll(Duration.ZERO));
        } catch (RuntimeException e) {
            fetches.remove(fetch);
            fetch.fail(KafkaFailures.translate(e));
            return;
        }
        long now = System.nanoTime();
        if (fetch.isComplete(now)) {
            fetches.remove(fetch);
            fetch.finish();
        } else {
            long delay = Math.min(POLL_INTERVAL.toNanos(), fetch.nanosLeft(now));
            timer.schedule(() -> serial.execute(() -> poll(fetch)), delay, TimeUnit.NANOSECONDS);
        }
    }

    private void touch() {
        lastUsed = System.nanoTime();
    }

    private static void closeQuietly(Consumer<byte[], byte[]> consumer) {
        try {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            LOG.warn("Closing a REST consumer failed: {}", e.toString());
        }
    }
}
