package io.karapace.jvm.backup.kafka;

import io.karapace.jvm.backup.BackupRecord;
import io.karapace.jvm.backup.RecordSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Creates or checks the target topic of a restore, then produces the records in their original order. */
public final class TopicRestore {
    private TopicRestore() {
    }

    /** How many records partition 0 holds now, or -1 when the topic does not exist. */
    public static long existingRecords(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
            return -1;
        }
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("Topic " + topic + " has " + description.partitions().size()
                    + " partitions; a backup restores into exactly 1");
        }
        TopicPartition partition = new TopicPartition(topic, 0);
        long start = offset(admin, partition, OffsetSpec.earliest(), timeout);
        long end = offset(admin, partition, OffsetSpec.latest(), timeout);
        return end - start;
    }

    private static long offset(Admin admin, TopicPartition partition, OffsetSpec spec, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listOffsets(Map.of(partition, spec)).partitionResult(partition)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    }

    /** One partition, compacted unless {@code configs} says otherwise (configs win, as Karapace's V3 restore). */
    public static void create(Admin admin, String topic, int replicationFactor, Map<String, String> configs,
            Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, String> all = new HashMap<>(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT));
        all.putAll(configs);
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) replicationFactor).configs(all))).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A sink sending each record to partition 0 of {@code topic}; {@link Sending#finish()} waits for all. */
    public static Sending sending(Producer<byte[], byte[]> producer, String topic) {
        return new Sending(producer, topic);
    }

    /** Sends asynchronously; the producer's idempotence keeps the order, the first failure stops the restore. */
    public static final class Sending implements RecordSink {
        private final Producer<byte[], byte[]> producer;
        private final String topic;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private long sent;
        private long tombstones;

        private Sending(Producer<byte[], byte[]> producer, String topic) {
            this.producer = producer;
            this.topic = topic;
        }

        @Override
        public void accept(BackupRecord record) {
            throwIfFailed();
            Long timestamp = record.timestamp() < 0 ? null : record.timestamp();
            producer.send(new ProducerRecord<>(topic, 0, timestamp, record.key(), record.value(), headers(record)),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
            sent++;
            tombstones += record.isTombstone() ? 1 : 0;
        }

        /** Flushes; returns the records sent. */
        public long finish() {
            producer.flush();
            throwIfFailed();
            return sent;
        }

        public long tombstones() {
            return tombstones;
        }

        private void throwIfFailed() {
            Exception e = failure.get();
            if (e != null) {
                throw new IllegalStateException("Producing to " + topic + " failed after " + sent + " records: "
                        + e.getMessage(), e);
            }
        }

        private static List<org.apache.kafka.common.header.Header> headers(BackupRecord record) {
            List<org.apache.kafka.common.header.Header> headers = new ArrayList<>(record.headers().size());
            for (BackupRecord.Header header : record.headers()) {
                headers.add(new RecordHeader(new String(header.key(), StandardCharsets.UTF_8), header.value()));
            }
            return headers;
        }
    }
}
