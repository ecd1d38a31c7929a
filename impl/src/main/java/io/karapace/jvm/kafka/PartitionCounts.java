package io.karapace.jvm.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * How many partitions topics have, as the produce paths need to know before sending. A count is reused
 * for a second, so a produce request costs no metadata round trip; a partition beyond the known count
 * asks Kafka again, so new partitions are usable at once. Failures are Kafka's own exceptions.
 */
public final class PartitionCounts {
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Admin admin;
    private final LongSupplier nanoClock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(int count, long seenAt) {
    }

    PartitionCounts(Admin admin, LongSupplier nanoClock) {
        this.admin = admin;
        this.nanoClock = nanoClock;
    }

    public PartitionCounts(Admin admin) {
        this(admin, System::nanoTime);
    }

    /** The topic's partition count, known to exceed {@code partition} if Kafka says so now. */
    public CompletableFuture<Integer> count(String topic, int partition) {
        Known cached = known.get(topic);
        if (cached != null && partition < cached.count() && nanoClock.getAsLong() - cached.seenAt() < MAX_AGE_NANOS) {
            return CompletableFuture.completedFuture(cached.count());
        }
        return describe(topic);
    }

    private CompletableFuture<Integer> describe(String topic) {
        long askedAt = nanoClock.getAsLong();
        CompletableFuture<Integer> count = new CompletableFuture<>();
        admin.describeTopics(List.of(topic)).topicNameValues().get(topic).whenComplete((description, failure) -> {
            if (failure == null) {
                known.put(topic, new Known(description.partitions().size(), askedAt));
                count.complete(description.partitions().size());
            } else {
                known.remove(topic);
                count.completeExceptionally(failure);
            }
        });
        return count;
    }
}
