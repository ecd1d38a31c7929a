package io.karapace.jvm.proxy.consumer;

import io.karapace.jvm.proxy.EmbeddedFormat;
import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.ProxyException;
import io.karapace.jvm.proxy.ProxyStats;
import io.karapace.jvm.util.DaemonThreads;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST proxy's v2 consumer instances, one method per endpoint.
 *
 * <p>Thread-safe; no method blocks its caller on Kafka (except {@link #close()}) and none throws: each answers
 * a stage that completes on a consumer worker thread, exceptionally with a {@link ProxyException} (40403 for an
 * unknown instance, Kafka failures as 40903/50002/50003...). Callers should hand results over to their own
 * threads and not block inside callbacks.
 *
 * <p>Threads: one small shared pool runs every instance's work, each instance through its own serial queue,
 * so a Kafka consumer is only ever used by one thread at a time. A fetch that waits for records polls without
 * blocking and is re-queued by a timer every {@link ConsumerInstance#POLL_INTERVAL}, so a hundred long polls
 * hold no thread between polls, and other instances' requests interleave with them.
 */
public final class ConsumerManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerManager.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private record InstanceKey(String group, String name) {
    }

    private final ConsumerFactory kafka;
    private final ConsumerSettings settings;
    private final ScheduledThreadPoolExecutor workers;
    private final Map<InstanceKey, ConsumerInstance> instances = new ConcurrentHashMap<>();
    private final AtomicLong clientIds = new AtomicLong();
    private final ProxyStats stats;
    private final IntSupplier instanceCount = instances::size;

    public ConsumerManager(ConsumerFactory kafka, ConsumerSettings settings) {
        this(kafka, settings, new ProxyStats());
    }

    /** {@code stats} counts this manager's instances, the records it hands out and its waiting fetches. */
    public ConsumerManager(ConsumerFactory kafka, ConsumerSettings settings, ProxyStats stats) {
        this.stats = stats;
        stats.track(instanceCount);
        this.kafka = kafka;
        this.settings = settings;
        this.workers = new ScheduledThreadPoolExecutor(workerCount(), DaemonThreads.named("rest-consumer-worker"));
        if (!settings.idleTimeout().isZero()) {
            long period = Math.max(50, Math.min(1000, settings.idleTimeout().toMillis() / 4));
            workers.scheduleWithFixedDelay(this::expireIdle, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** POST /consumers/{group}: 40902 if the name is taken in the group, 42204 for an invalid setting. */
    public CompletionStage<CreatedConsumer> create(String group, InstanceConfig config) {
        InstanceOptions options;
        try {
            options = InstanceOptions.from(config, settings);
        } catch (ProxyException e) {
            return CompletableFuture.failedFuture(e);
        }
        InstanceKey key = new InstanceKey(group, options.name());
        ConsumerInstance instance = new ConsumerInstance(options, workers);
        if (instances.putIfAbsent(key, instance) != null) {
            return CompletableFuture.failedFuture(ProxyError.CONSUMER_ALREADY_EXISTS.exception());
        }
        CompletableFuture<CreatedConsumer> created = new CompletableFuture<>();
        instance.open(() -> kafka.consumer("rest-consumer-" + clientIds.incrementAndGet(),
                        consumerProperties(group, options)))
                .whenComplete((opened, failure) -> {
                    if (failure == null) {
                        created.complete(new CreatedConsumer(options.name(),
                                "/consumers/" + group + "/instances/" + options.name()));
                    } else {
                        instances.remove(key, instance);
                        created.completeExceptionally(KafkaFailures.translate(failure));
                    }
                });
        return created;
    }

    /** Whether any consumer instance is open: closing the manager would lose the callers' state. */
    public boolean hasInstances() {
        return !instances.isEmpty();
    }

    /** DELETE /consumers/{group}/instances/{instance}; completes once the Kafka consumer is closed. */
    public CompletionStage<Void> delete(String group, String instance) {
        ConsumerInstance removed = instances.remove(new InstanceKey(group, instance));
        return removed == null ? notFound() : removed.close();
    }

    /** POST …/subscription: exactly one of {@code topics} (non-empty) and {@code topicPattern}, else 40903. */
    public CompletionStage<Void> subscribe(String group, String instance, List<String> topics, String topicPattern) {
        return with(group, instance,
                target -> target.run(consumer -> KafkaOperations.subscribe(consumer, topics, topicPattern)));
    }

    /** GET …/subscription: the subscribed topics, sorted. */
    public CompletionStage<List<String>> subscription(String group, String instance) {
        return with(group, instance, target -> target.call(KafkaOperations::subscription));
    }

    /** DELETE …/subscription: also drops a manual assignment. */
    public CompletionStage<Void> unsubscribe(String group, String instance) {
        return with(group, instance, target -> target.run(consumer -> consumer.unsubscribe()));
    }

    /** POST …/assignments: replaces the assignment; a partition the cluster lacks answers 40403. */
    public CompletionStage<Void> assign(String group, String instance, List<PartitionRef> partitions) {
        return with(group, instance, target -> target.run(consumer -> KafkaOperations.assign(consumer, partitions)));
    }

    /** GET …/assignments: sorted by topic and partition. */
    public CompletionStage<List<PartitionRef>> assignment(String group, String instance) {
        return with(group, instance, target -> target.call(KafkaOperations::assignment));
    }

    /** POST …/positions: 40903 for a partition not assigned to the instance. */
    public CompletionStage<Void> seek(String group, String instance, List<PartitionOffset> offsets) {
        return with(group, instance, target -> target.run(consumer -> KafkaOperations.seek(consumer, offsets)));
    }

    /** POST …/positions/beginning: 40903 for a partition not assigned to the instance. */
    public CompletionStage<Void> seekToBeginning(String group, String instance, List<PartitionRef> partitions) {
        return with(group, instance,
                target -> target.run(consumer -> KafkaOperations.seekToBeginning(consumer, partitions)));
    }

    /** POST …/positions/end: 40903 for a partition not assigned to the instance. */
    public CompletionStage<Void> seekToEnd(String group, String instance, List<PartitionRef> partitions) {
        return with(group, instance, target -> target.run(consumer -> KafkaOperations.seekToEnd(consumer, partitions)));
    }

    /** POST …/offsets with offsets: each is the last record processed, so offset + 1 is stored. */
    public CompletionStage<Void> commit(String group, String instance, List<CommittedOffset> offsets) {
        return with(group, instance, target -> target.run(consumer -> KafkaOperations.commit(consumer, offsets)));
    }

    /** POST …/offsets with no body or {@code {}}: commits everything fetched so far. */
    public CompletionStage<Void> commitAll(String group, String instance) {
        return with(group, instance, target -> target.run(KafkaOperations::commitAll));
    }

    /** GET …/offsets: the stored offsets (next record to read), in request order, omitting uncommitted ones. */
    public CompletionStage<List<CommittedOffset>> committed(String group, String instance,
                                                            List<PartitionRef> partitions) {
        return with(group, instance,
                target -> target.call(consumer -> KafkaOperations.committed(consumer, partitions)));
    }

    /**
     * GET …/records. {@code accepted} is the format the Accept header names (40601 if it is not the
     * instance's). Waits until {@code timeout} (null or not positive: the instance's request timeout, which
     * also caps it, as Confluent) or until {@code maxBytes} (not positive: the server's maximum, which also caps
     * it) would be exceeded or the instance's fetch.min.bytes is gathered, and answers what it has, maybe none.
     * The first record always comes, however large.
     */
    public CompletionStage<List<FetchedRecord>> poll(String group, String instance, EmbeddedFormat accepted,
                                                     Duration timeout, long maxBytes) {
        return with(group, instance, target -> {
            InstanceOptions options = target.options();
            if (options.format() != accepted) {
                return CompletableFuture.failedFuture(ProxyError.FORMAT_MISMATCH.exception());
            }
            Duration wait = timeout == null || timeout.isNegative() || timeout.isZero()
                    ? options.requestTimeout() : min(timeout, options.requestTimeout());
            long limit = maxBytes <= 0 ? settings.requestMaxBytes() : Math.min(maxBytes, settings.requestMaxBytes());
            stats.fetchWaiting();
            return target.fetch(wait, limit).whenComplete((records, failure) -> {
                stats.fetchDone();
                if (records != null) {
                    stats.consumed(options.format(), records.size(),
                            records.stream().mapToLong(FetchedRecord::size).sum());
                }
            });
        });
    }

    /** Closes every instance, then stops the workers. */
    @Override
    public void close() {
        stats.untrack(instanceCount);
        CompletableFuture<?>[] closing = instances.keySet().stream()
                .map(instances::remove)
                .filter(Objects::nonNull)
                .map(ConsumerInstance::close)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("REST consumers did not all close: {}", e.toString());
        }
        workers.shutdownNow();
    }

    private <T> CompletionStage<T> with(String group, String instance,
                                        Function<ConsumerInstance, CompletableFuture<T>> work) {
        ConsumerInstance found = instances.get(new InstanceKey(group, instance));
        return found == null ? notFound() : work.apply(found);
    }

    private static Map<String, Object> consumerProperties(String group, InstanceOptions options) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        options.kafkaProperties().forEach((name, value) -> props.put((String) name, value));
        return props;
    }

    private void expireIdle() {
        long now = System.nanoTime();
        instances.forEach((key, instance) -> {
            if (instance.idleFor(settings.idleTimeout(), now) && instances.remove(key, instance)) {
                LOG.info("Closing REST consumer {} of group {}: idle for {}", key.name(), key.group(),
                        settings.idleTimeout());
                instance.close();
            }
        });
    }

    private static <T> CompletableFuture<T> notFound() {
        return CompletableFuture.failedFuture(ProxyError.CONSUMER_INSTANCE_NOT_FOUND.exception());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static int workerCount() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }
}
