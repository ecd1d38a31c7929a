package io.karapace.jvm.proxy.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * One fetch request while it gathers records over several polls. Records that do not fit are not kept
 * aside: the consumer is rewound to them, so its position is always the next record a client gets, and
 * "commit all fetched" (or auto-commit) never covers a record nobody received.
 */
final class PendingFetch {
    private final long deadline;
    private final long maxBytes;
    private final int minBytes;
    private final List<FetchedRecord> records = new ArrayList<>();
    private final CompletableFuture<List<FetchedRecord>> result = new CompletableFuture<>();
    private long bytes;
    private boolean full;

    /**
     * @param deadline a {@link System#nanoTime()} value
     * @param minBytes answer early once this much is gathered; negative: only the deadline or maxBytes end it
     */
    PendingFetch(long deadline, long maxBytes, int minBytes) {
        this.deadline = deadline;
        this.maxBytes = maxBytes;
        this.minBytes = minBytes;
    }

    CompletableFuture<List<FetchedRecord>> result() {
        return result;
    }

    /** Takes the records that fit; the first one always does, so an oversized record cannot block a consumer. */
    void take(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> polled) {
        for (TopicPartition partition : polled.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : polled.records(partition)) {
                FetchedRecord fetched = fetched(record);
                full = full || !records.isEmpty() && bytes + fetched.size() > maxBytes;
                if (full) {
                    consumer.seek(partition, new OffsetAndMetadata(record.offset(), record.leaderEpoch(), ""));
                    break;
                }
                records.add(fetched);
                bytes += fetched.size();
            }
        }
    }

    boolean isComplete(long now) {
        return full || now - deadline >= 0 || minBytes >= 0 && !records.isEmpty() && bytes >= minBytes;
    }

    long nanosLeft(long now) {
        return Math.max(0, deadline - now);
    }

    boolean isFinished() {
        return result.isDone();
    }

    void finish() {
        result.complete(List.copyOf(records));
    }

    /** Fails the fetch, unless it already holds records: the consumer has moved past them, so they go out. */
    void fail(Throwable failure) {
        if (records.isEmpty()) {
            result.completeExceptionally(failure);
        } else {
            finish();
        }
    }

    private static FetchedRecord fetched(ConsumerRecord<byte[], byte[]> record) {
        List<FetchedHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new FetchedHeader(header.key(), header.value()));
        }
        return new FetchedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), List.copyOf(headers));
    }
}
