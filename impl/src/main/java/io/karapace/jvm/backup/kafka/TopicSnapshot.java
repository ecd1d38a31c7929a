package io.karapace.jvm.backup.kafka;

import io.karapace.jvm.backup.BackupRecord;
import io.karapace.jvm.backup.RecordSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;

/**
 * Reads a one-partition topic from its first offset up to the end offset taken when reading starts, so
 * a backup is the topic as it was at that moment even while others keep writing (Karapace backup/api.py
 * {@code _consume_records}). It never writes to the topic.
 */
public final class TopicSnapshot {
    private TopicSnapshot() {
    }

    /** What a V3 backup records of the topic; configs are the dynamic (set on the topic) ones only. */
    public record Description(String topic, String topicId, int replicationFactor, Map<String, String> configs) {
    }

    /** The offsets to copy: {@code [start, end)}; empty when equal. */
    public record Range(long start, long end) {
        public boolean isEmpty() {
            return end <= start;
        }
    }

    /**
     * @throws IllegalStateException when the topic has more than one partition: only one partition keeps
     *         the order of schema updates (Karapace api.py {@code __check_partition_count})
     */
    public static Description describe(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("Topic " + topic + " has " + description.partitions().size()
                    + " partitions; only topics with exactly 1 partition can be backed up");
        }
        org.apache.kafka.common.Uuid id = description.topicId();
        // V3's topic_id is an Avro uuid: the RFC 4122 text, not Kafka's base64 form
        String topicId = new java.util.UUID(id.getMostSignificantBits(), id.getLeastSignificantBits()).toString();
        return new Description(topic, topicId,
                description.partitions().get(0).replicas().size(), dynamicConfigs(admin, topic, timeout));
    }

    // Karapace keeps only ConfigSource.DYNAMIC_TOPIC_CONFIG (api.py create_backup, topic_configurations.py).
    private static Map<String, String> dynamicConfigs(Admin admin, String topic, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Map<String, String> configs = new TreeMap<>();
        for (ConfigEntry entry : admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource).entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && entry.value() != null) {
                configs.put(entry.name(), entry.value());
            }
        }
        return configs;
    }

    /** Assigns partition 0 and fixes the range to copy: now's first and end offsets. */
    public static Range start(Consumer<byte[], byte[]> consumer, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        long start = consumer.beginningOffsets(List.of(partition)).get(partition);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        consumer.seek(partition, start);
        return new Range(start, end);
    }

    /**
     * Hands every record of {@code range} to {@code sink}; returns how many there were.
     *
     * @throws IllegalStateException when no record arrives for {@code pollTimeout} before the end
     */
    public static long copy(Consumer<byte[], byte[]> consumer, String topic, Range range, Duration pollTimeout,
            RecordSink sink) {
        TopicPartition partition = new TopicPartition(topic, 0);
        long copied = 0;
        long idleSince = System.nanoTime();
        while (consumer.position(partition) < range.end()) {
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
            if (batch.isEmpty()) {
                checkNotStale(idleSince, pollTimeout, topic, consumer.position(partition), range);
                continue;
            }
            idleSince = System.nanoTime();
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                if (record.offset() >= range.end()) {
                    return copied;
                }
                sink.accept(toBackup(record));
                copied++;
            }
        }
        return copied;
    }

    private static void checkNotStale(long idleSince, Duration pollTimeout, String topic, long position, Range range) {
        if (System.nanoTime() - idleSince > pollTimeout.toNanos()) {
            throw new IllegalStateException("No records arrived from topic " + topic + " within the poll timeout ("
                    + pollTimeout.toSeconds() + " s) while reading offset " + position + " of " + range.start()
                    + ".." + range.end() + "; try a longer --poll-timeout");
        }
    }

    private static BackupRecord toBackup(ConsumerRecord<byte[], byte[]> record) {
        List<BackupRecord.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new BackupRecord.Header(header.key().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    header.value()));
        }
        return new BackupRecord(record.key(), record.value(), headers, record.offset(), record.timestamp());
    }
}
