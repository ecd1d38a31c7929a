package io.karapace.jvm.http.proxy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.karapace.jvm.api.proxy.ConsumersApi;
import io.karapace.jvm.api.proxy.model.CommittedOffsets;
import io.karapace.jvm.api.proxy.model.ConsumerRecord;
import io.karapace.jvm.api.proxy.model.ConsumerSubscription;
import io.karapace.jvm.api.proxy.model.CreateConsumerRequest;
import io.karapace.jvm.api.proxy.model.CreateConsumerResponse;
import io.karapace.jvm.api.proxy.model.SeekRequest;
import io.karapace.jvm.api.proxy.model.TopicPartitions;
import io.karapace.jvm.proxy.EmbeddedFormat;
import io.karapace.jvm.proxy.RecordDecoder;
import io.karapace.jvm.proxy.consumer.ConsumerManager;
import io.karapace.jvm.proxy.consumer.FetchedRecord;
import io.karapace.jvm.util.DaemonThreads;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * REST proxy v2 consumer instances over {@link ConsumerManager}. No method blocks a server thread: each
 * answers the manager's stage; fetched records are decoded on this resource's own small pool, off the
 * manager's consumer workers.
 */
public final class ConsumersResource implements ConsumersApi, AutoCloseable {
    private final Supplier<ConsumerManager> consumers;
    private final RecordDecoder decoder;
    private final Supplier<String> baseUrl;
    private final ExecutorService decoding = Executors.newFixedThreadPool(2, DaemonThreads.named("rest-consumer-decoder"));

    /** The generated interface has no header parameters; the records Accept names the format. */
    @Context
    private HttpHeaders headers;

    /**
     * @param baseUrl the proxy's advertised base URL, without a trailing slash needed, that {@code base_uri}
     *                answers start with
     */
    public ConsumersResource(ConsumerManager consumers, RecordDecoder decoder, Supplier<String> baseUrl) {
        this(() -> consumers, decoder, baseUrl);
    }

    /** {@code consumers} names the manager of the request's caller (one per caller with rest_authorization). */
    public ConsumersResource(Supplier<ConsumerManager> consumers, RecordDecoder decoder, Supplier<String> baseUrl) {
        this.consumers = consumers;
        this.decoder = decoder;
        this.baseUrl = baseUrl;
    }

    @Override
    public CompletionStage<CreateConsumerResponse> createConsumer(String group, CreateConsumerRequest request) {
        return consumers.get().create(group, ConsumerModels.config(request)).thenApply(created -> new CreateConsumerResponse()
                .instanceId(created.instanceId())
                .baseUri(trimmed(baseUrl.get()) + created.basePath()));
    }

    @Override
    public CompletionStage<Void> deleteConsumer(String group, String instance) {
        return consumers.get().delete(group, instance);
    }

    @Override
    public CompletionStage<Void> subscribe(String group, String instance, ConsumerSubscription subscription) {
        ConsumerSubscription body = subscription == null ? new ConsumerSubscription() : subscription;
        return consumers.get().subscribe(group, instance, body.getTopics(), body.getTopicPattern());
    }

    @Override
    public CompletionStage<ConsumerSubscription> getSubscription(String group, String instance) {
        return consumers.get().subscription(group, instance).thenApply(topics -> new TopicsOnly().topics(topics));
    }

    @Override
    public CompletionStage<Void> unsubscribe(String group, String instance) {
        return consumers.get().unsubscribe(group, instance);
    }

    @Override
    public CompletionStage<Void> assign(String group, String instance, TopicPartitions partitions) {
        return consumers.get().assign(group, instance, ConsumerModels.partitions(partitions));
    }

    @Override
    public CompletionStage<TopicPartitions> getAssignments(String group, String instance) {
        return consumers.get().assignment(group, instance).thenApply(ConsumerModels::topicPartitions);
    }

    @Override
    public CompletionStage<Void> seek(String group, String instance, SeekRequest request) {
        return consumers.get().seek(group, instance, ConsumerModels.offsets(request));
    }

    @Override
    public CompletionStage<Void> seekToBeginning(String group, String instance, TopicPartitions partitions) {
        return consumers.get().seekToBeginning(group, instance, ConsumerModels.partitions(partitions));
    }

    @Override
    public CompletionStage<Void> seekToEnd(String group, String instance, TopicPartitions partitions) {
        return consumers.get().seekToEnd(group, instance, ConsumerModels.partitions(partitions));
    }

    @Override
    public CompletionStage<Void> commitOffsets(String group, String instance, CommittedOffsets offsets) {
        if (offsets == null || offsets.getOffsets() == null) {
            return consumers.get().commitAll(group, instance);
        }
        return consumers.get().commit(group, instance, ConsumerModels.committed(offsets));
    }

    @Override
    public CompletionStage<CommittedOffsets> getCommittedOffsets(String group, String instance,
                                                                 TopicPartitions partitions) {
        return consumers.get().committed(group, instance, ConsumerModels.partitions(partitions))
                .thenApply(ConsumerModels::committedOffsets);
    }

    @Override
    public CompletionStage<List<ConsumerRecord>> getRecords(String group, String instance, Long timeout,
                                                            Long maxBytes) {
        EmbeddedFormat format = ConsumerModels.acceptedFormat(headers.getHeaderString(HttpHeaders.ACCEPT));
        Duration wait = timeout == null ? null : Duration.ofMillis(timeout);
        return consumers.get().poll(group, instance, format, wait, maxBytes == null ? 0 : maxBytes)
                .thenApplyAsync(records -> render(records, format), decoding);
    }

    private List<ConsumerRecord> render(List<FetchedRecord> records, EmbeddedFormat format) {
        return records.stream().map(record -> ConsumerModels.record(decoder.decode(record, format))).toList();
    }

    /** Confluent answers a subscription with its topics only, without the request's topic_pattern. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private static final class TopicsOnly extends ConsumerSubscription {
    }

    @Override
    public void close() {
        decoding.shutdownNow();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
