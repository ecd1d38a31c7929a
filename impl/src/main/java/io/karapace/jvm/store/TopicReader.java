package io.karapace.jvm.store;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of the reader thread: polls the one partition, hands each record to the sink in order and
 * moves the watcher. Kafka errors are retried forever (the log is the only source of state), and a
 * sink failure skips only that record.
 */
final class TopicReader implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final Consumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final SchemaLog.Sink sink;
    private final OffsetWatcher watcher;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile long lastApplied = -1;
    private volatile long lag = -1;
    private boolean failing;

    TopicReader(Consumer<byte[], byte[]> consumer, TopicPartition partition, SchemaLog.Sink sink,
                OffsetWatcher watcher) {
        this.consumer = consumer;
        this.partition = partition;
        this.sink = sink;
        this.watcher = watcher;
    }

    long lastApplied() {
        return lastApplied;
    }

    /** The consumer's lag on the partition after its last poll (no request to Kafka); -1 while unknown. */
    long lag() {
        return lag;
    }

    /** Ends the loop from any thread; the reader thread closes the consumer on its way out. */
    void stop() {
        stopRequested.countDown();
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            while (stopRequested.getCount() > 0) {
                pollOnce();
            }
        } catch (WakeupException | InterruptException e) {
            LOG.debug("Reader of {} woken up to stop", partition);
        } finally {
            consumer.close();
        }
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                apply(record);
            }
            watcher.advanceTo(consumer.position(partition, POLL_TIMEOUT) - 1);
            lag = consumer.currentLag(partition).orElse(-1);
            recovered();
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            failed(e);
            awaitBackoff();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            sink.apply(record.key(), record.value(), record.offset());
        } catch (RuntimeException e) {
            LOG.error("Skipped record at offset {} of {}: it could not be applied", record.offset(), partition, e);
        }
        lastApplied = record.offset();
        watcher.advanceTo(record.offset());
    }

    private void failed(KafkaException e) {
        if (!failing) {
            LOG.warn("Reading {} failed, retrying until Kafka answers: {}", partition, e.toString());
            failing = true;
        }
    }

    private void recovered() {
        if (failing) {
            LOG.info("Reading {} resumed", partition);
            failing = false;
        }
    }

    private void awaitBackoff() {
        try {
            stopRequested.await(RETRY_BACKOFF.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.countDown();
        }
    }
}
