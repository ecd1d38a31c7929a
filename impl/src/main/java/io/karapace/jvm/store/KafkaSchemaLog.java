package io.karapace.jvm.store;

import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.kafka.LogTopic;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema log kept in a one-partition compacted Kafka topic. {@link #start} checks or creates the
 * topic and reads its end offset synchronously (so a misconfigured or unreachable Kafka fails startup),
 * then replays on a daemon thread.
 */
public final class KafkaSchemaLog implements SchemaLog {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * {@code request} bounds each Kafka call (admin calls, blocking on metadata, delivery of a record);
     * {@code apply} bounds the wait for the reader to apply a record Kafka has taken.
     */
    public record Timeouts(Duration request, Duration apply) {
    }

    private final KafkaClients clients;
    private final String topic;
    private final TopicPartition partition;
    private final int replicationFactor;
    private final Timeouts timeouts;
    private final OffsetWatcher watcher = new OffsetWatcher();
    private volatile Running running;
    private boolean closed;

    /** What exists once started: the reader, its thread, the producer, and the offset to reach. */
    private record Running(TopicReader reader, Thread thread, KafkaProducer<byte[], byte[]> producer,
                           KafkaConsumer<byte[], byte[]> offsets, long startEndOffset) {
    }

    public KafkaSchemaLog(KafkaClients clients, String topic, int replicationFactor, Timeouts timeouts) {
        this.clients = clients;
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.replicationFactor = replicationFactor;
        this.timeouts = timeouts;
    }

    /**
     * @throws StoreException when Kafka does not answer in time
     * @throws io.karapace.jvm.kafka.UnsuitableTopicException when the topic exists with several
     *     partitions or without compaction
     */
    @Override
    public synchronized void start(Sink sink) {
        if (running != null) {
            throw new IllegalStateException("Log of topic " + topic + " is already started");
        }
        ensureTopic();
        KafkaConsumer<byte[], byte[]> consumer = clients.consumer(topic + "-reader", consumerProperties());
        long startEndOffset;
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            startEndOffset = consumer.endOffsets(List.of(partition), timeouts.request()).get(partition) - 1;
        } catch (KafkaException e) {
            consumer.close();
            throw storeFailure("read the end offset of topic " + topic, e);
        }
        TopicReader reader = new TopicReader(consumer, partition, sink, watcher);
        Thread thread = new Thread(reader, "schema-log-reader-" + topic);
        thread.setDaemon(true);
        running = new Running(reader, thread, clients.producer(topic + "-writer", producerProperties()),
                clients.consumer(topic + "-offsets", consumerProperties()), startEndOffset);
        thread.start();
        LOG.info("Replaying topic {} up to offset {}", topic, startEndOffset);
    }

    @Override
    public boolean isReady() {
        Running current = running;
        return current != null && watcher.reached() >= current.startEndOffset();
    }

    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return watcher.awaitReached(started().startEndOffset(), timeout);
    }

    @Override
    public long appliedOffset() {
        Running current = running;
        return current == null ? -1 : current.reader().lastApplied();
    }

    @Override
    public long readerLag() {
        Running current = running;
        return current == null ? -1 : current.reader().lag();
    }

    @Override
    public long startEndOffset() {
        Running current = running;
        return current == null ? -1 : current.startEndOffset();
    }

    @Override
    public long append(byte[] key, byte[] value) {
        long offset = send(started().producer(), key, value).offset();
        try {
            if (!watcher.awaitReached(offset, timeouts.apply())) {
                throw new StoreException("Record at offset " + offset + " of topic " + topic
                        + " was written but not read back within " + timeouts.apply().toMillis() + " ms", true, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to read back offset " + offset, false, e);
        }
        return offset;
    }

    @Override
    public void awaitCaughtUp() {
        Running current = started();
        long end;
        // a consumer is not thread-safe, and this one only answers end offsets
        synchronized (current.offsets()) {
            try {
                end = current.offsets().endOffsets(List.of(partition), timeouts.request()).get(partition) - 1;
            } catch (KafkaException e) {
                throw storeFailure("read the end offset of topic " + topic, e);
            }
        }
        try {
            if (!watcher.awaitReached(end, timeouts.apply())) {
                throw new StoreException("Offset " + end + " of topic " + topic + " was not read within "
                        + timeouts.apply().toMillis() + " ms", true, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while reading topic " + topic + " to its end", false, e);
        }
    }

    @Override
    public synchronized void close() {
        Running current = running;
        if (current == null || closed) {
            return;
        }
        closed = true;
        current.reader().stop();
        try {
            current.thread().join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.producer().close(CLOSE_TIMEOUT);
        synchronized (current.offsets()) {
            current.offsets().close(CLOSE_TIMEOUT);
        }
    }

    private RecordMetadata send(KafkaProducer<byte[], byte[]> producer, byte[] key, byte[] value) {
        // delivery.timeout.ms fails the future first; this limit only guards against a stuck client
        long limitMillis = timeouts.request().toMillis() + 1000;
        try {
            return producer.send(new ProducerRecord<>(topic, partition.partition(), key, value))
                    .get(limitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw storeFailure("write to topic " + topic, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StoreException("Could not write to topic " + topic + " at " + clients.bootstrapServers()
                    + " within " + limitMillis + " ms", true, e);
        } catch (KafkaException e) {
            throw storeFailure("write to topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while writing to topic " + topic, false, e);
        }
    }

    private void ensureTopic() {
        try (Admin admin = clients.admin(topic + "-admin", adminProperties())) {
            LogTopic.ensure(admin, topic, replicationFactor, timeouts.request());
        } catch (ExecutionException e) {
            throw storeFailure("check topic " + topic, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StoreException("Could not check topic " + topic + " at " + clients.bootstrapServers()
                    + " within " + timeouts.request().toMillis() + " ms", true, e);
        } catch (KafkaException e) {
            throw storeFailure("check topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while checking topic " + topic, false, e);
        }
    }

    private StoreException storeFailure(String action, Throwable cause) {
        boolean timeout = cause instanceof TimeoutException;
        return new StoreException("Could not " + action + " at " + clients.bootstrapServers()
                + (timeout ? " within " + timeouts.request().toMillis() + " ms" : "") + ": " + cause.getMessage(),
                timeout, cause);
    }

    private Running started() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("Log of topic " + topic + " is not started");
        }
        return current;
    }

    private Map<String, Object> adminProperties() {
        Map<String, Object> props = clientProperties();
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(timeouts.request()));
        return props;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = clientProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(timeouts.request()));
        return props;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(timeouts.request()));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(timeouts.request()));
        return props;
    }

    /** Settings shared by the three clients; request.timeout.ms may not exceed the other bounds. */
    private Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis(timeouts.request()));
        return props;
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }
}
