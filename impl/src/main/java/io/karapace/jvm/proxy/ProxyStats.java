package io.karapace.jvm.proxy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * What the REST proxy has done, as plain counts the metrics package reads (no meter types here):
 * records and bytes produced and consumed by embedded format, records Kafka refused, consumer instances
 * and the record fetches waiting for data. One per process, shared by every caller's clients.
 */
public final class ProxyStats {
    private final Map<EmbeddedFormat, LongAdder> producedRecords = counters();
    private final Map<EmbeddedFormat, LongAdder> producedBytes = counters();
    private final Map<EmbeddedFormat, LongAdder> produceErrors = counters();
    private final Map<EmbeddedFormat, LongAdder> consumedRecords = counters();
    private final Map<EmbeddedFormat, LongAdder> consumedBytes = counters();
    private final Set<IntSupplier> instanceCounts = new CopyOnWriteArraySet<>();
    private final AtomicInteger waitingFetches = new AtomicInteger();

    /** One record Kafka took, {@code bytes} its encoded key and value. */
    public void produced(EmbeddedFormat format, long bytes) {
        producedRecords.get(format).increment();
        producedBytes.get(format).add(bytes);
    }

    /** One record that was not written (Kafka refused it, or its partition does not exist). */
    public void produceFailed(EmbeddedFormat format) {
        produceErrors.get(format).increment();
    }

    /** Records handed to a consumer, {@code bytes} their keys and values as Kafka holds them. */
    public void consumed(EmbeddedFormat format, long records, long bytes) {
        consumedRecords.get(format).add(records);
        consumedBytes.get(format).add(bytes);
    }

    /** A records fetch starts waiting; {@link #fetchDone()} when it answers. */
    public void fetchWaiting() {
        waitingFetches.incrementAndGet();
    }

    public void fetchDone() {
        waitingFetches.decrementAndGet();
    }

    /** Counts a consumer manager's instances until {@link #untrack}. */
    public void track(IntSupplier instances) {
        instanceCounts.add(instances);
    }

    public void untrack(IntSupplier instances) {
        instanceCounts.remove(instances);
    }

    public long producedRecords(EmbeddedFormat format) {
        return producedRecords.get(format).sum();
    }

    public long producedBytes(EmbeddedFormat format) {
        return producedBytes.get(format).sum();
    }

    public long produceErrors(EmbeddedFormat format) {
        return produceErrors.get(format).sum();
    }

    public long consumedRecords(EmbeddedFormat format) {
        return consumedRecords.get(format).sum();
    }

    public long consumedBytes(EmbeddedFormat format) {
        return consumedBytes.get(format).sum();
    }

    public int consumerInstances() {
        return instanceCounts.stream().mapToInt(IntSupplier::getAsInt).sum();
    }

    public int waitingFetches() {
        return waitingFetches.get();
    }

    private static Map<EmbeddedFormat, LongAdder> counters() {
        Map<EmbeddedFormat, LongAdder> map = new EnumMap<>(EmbeddedFormat.class);
        for (EmbeddedFormat format : EmbeddedFormat.values()) {
            map.put(format, new LongAdder());
        }
        return map;
    }
}
