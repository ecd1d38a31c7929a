package io.karapace.jvm.proxy.consumer;

import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.ProxyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** The consumer endpoints' work on one Kafka consumer; always called on the instance's serial executor. */
final class KafkaOperations {
    /** Bounds every blocking call, so a lost broker cannot hold a worker for Kafka's default minute. */
    static final Duration BLOCKING_TIMEOUT = Duration.ofSeconds(15);

    private static final Comparator<PartitionRef> PARTITION_ORDER =
            Comparator.comparing(PartitionRef::topic).thenComparingInt(PartitionRef::partition);

    private KafkaOperations() {
    }

    static void subscribe(Consumer<byte[], byte[]> consumer, List<String> topics, String topicPattern) {
        boolean byTopics = topics != null && !topics.isEmpty();
        boolean byPattern = topicPattern != null && !topicPattern.isEmpty();
        if (byTopics && byPattern) {
            throw ProxyError.ILLEGAL_STATE.exception(
                    "Subscription to topics, partitions and pattern are mutually exclusive.");
        }
        if (!byTopics && !byPattern) {
            throw ProxyError.ILLEGAL_STATE.exception("Neither topic_pattern nor topics are present in request");
        }
        if (byTopics) {
            consumer.subscribe(topics);
        } else {
            consumer.subscribe(Pattern.compile(topicPattern));
        }
    }

    static List<String> subscription(Consumer<byte[], byte[]> consumer) {
        return consumer.subscription().stream().sorted().toList();
    }

    /** Unlike Kafka, refuses partitions the cluster does not have (40403), looked up without creating topics. */
    static void assign(Consumer<byte[], byte[]> consumer, List<PartitionRef> partitions) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(BLOCKING_TIMEOUT);
        for (PartitionRef ref : partitions) {
            boolean known = topics.getOrDefault(ref.topic(), List.of()).stream()
                    .anyMatch(info -> info.partition() == ref.partition());
            if (!known) {
                throw new ProxyException(ProxyError.CONSUMER_INSTANCE_NOT_FOUND,
                        "This server does not host this topic-partition: " + ref.topic() + "-" + ref.partition());
            }
        }
        consumer.assign(topicPartitions(partitions));
    }

    static List<PartitionRef> assignment(Consumer<byte[], byte[]> consumer) {
        return consumer.assignment().stream()
                .map(tp -> new PartitionRef(tp.topic(), tp.partition()))
                .sorted(PARTITION_ORDER)
                .toList();
    }

    static void seek(Consumer<byte[], byte[]> consumer, List<PartitionOffset> offsets) {
        for (PartitionOffset offset : offsets) {
            consumer.seek(new TopicPartition(offset.topic(), offset.partition()), offset.offset());
        }
    }

    static void seekToBeginning(Consumer<byte[], byte[]> consumer, List<PartitionRef> partitions) {
        consumer.seekToBeginning(topicPartitions(partitions));
    }

    static void seekToEnd(Consumer<byte[], byte[]> consumer, List<PartitionRef> partitions) {
        consumer.seekToEnd(topicPartitions(partitions));
    }

    /** The client names the last record it processed; Kafka stores the next one to read, as Confluent does. */
    static void commit(Consumer<byte[], byte[]> consumer, List<CommittedOffset> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        for (CommittedOffset offset : offsets) {
            commits.put(new TopicPartition(offset.topic(), offset.partition()),
                    new OffsetAndMetadata(offset.offset() + 1, offset.metadata()));
        }
        consumer.commitSync(commits, BLOCKING_TIMEOUT);
    }

    static void commitAll(Consumer<byte[], byte[]> consumer) {
        consumer.commitSync(BLOCKING_TIMEOUT);
    }

    /** Offsets as stored (the next record to read), in request order; partitions with no commit are left out. */
    static List<CommittedOffset> committed(Consumer<byte[], byte[]> consumer, List<PartitionRef> partitions) {
        Set<TopicPartition> requested = topicPartitions(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(requested, BLOCKING_TIMEOUT);
        List<CommittedOffset> answer = new ArrayList<>();
        for (TopicPartition tp : requested) {
            OffsetAndMetadata stored = committed.get(tp);
            if (stored != null) {
                answer.add(new CommittedOffset(tp.topic(), tp.partition(), stored.offset(), stored.metadata()));
            }
        }
        return answer;
    }

    private static Set<TopicPartition> topicPartitions(List<PartitionRef> partitions) {
        Set<TopicPartition> set = new LinkedHashSet<>();
        for (PartitionRef ref : partitions) {
            set.add(new TopicPartition(ref.topic(), ref.partition()));
        }
        return set;
    }
}
