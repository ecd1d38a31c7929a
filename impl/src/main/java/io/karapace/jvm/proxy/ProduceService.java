package io.karapace.jvm.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.util.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Produces the records of REST requests through one shared producer. Checks, schema resolution and
 * encoding happen on the caller's thread and fail the whole request; the records are then sent
 * together and the returned future completes once Kafka has answered for each, in request order,
 * on a thread of this service: whatever follows (rendering and writing the HTTP answer) must not
 * run on the producer's single I/O thread, which every request's records go through.
 */
public final class ProduceService implements AutoCloseable {
    private static final int RESPONDERS = 2;
    private static final int MAX_RESPONDERS = 32;

    private final RecordSink sink;
    private final ClusterMetadata metadata;
    private final SchemaLookup schemas;
    private final SubjectNames subjectNames;
    private final NameStrategy nameStrategy;
    private final ProxyStats stats;
    private final ExecutorService responders = new ThreadPoolExecutor(RESPONDERS, MAX_RESPONDERS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), DaemonThreads.named("rest-produce-response"),
            new ThreadPoolExecutor.CallerRunsPolicy());

    /** {@code providers} parse schema texts whose record name the name strategy needs before registering. */
    public ProduceService(RecordSink sink, ClusterMetadata metadata, SchemaLookup schemas,
                          SchemaProviders providers, NameStrategy nameStrategy) {
        this(sink, metadata, schemas, providers, nameStrategy, new ProxyStats());
    }

    /** {@code stats} counts the records written and refused. */
    public ProduceService(RecordSink sink, ClusterMetadata metadata, SchemaLookup schemas,
                          SchemaProviders providers, NameStrategy nameStrategy, ProxyStats stats) {
        this.stats = stats;
        this.sink = sink;
        this.metadata = metadata;
        this.schemas = schemas;
        this.subjectNames = new SubjectNames(providers);
        this.nameStrategy = nameStrategy;
    }

    public CompletableFuture<ProduceResult> produce(ProduceBatch batch) {
        if (batch.records().isEmpty()) {
            throw ProxyError.UNPROCESSABLE.exception("records must not be empty");
        }
        int partitions = await(metadata.partitionCount(batch.topic(), highestPartition(batch)));
        if (batch.partition() != null && !exists(batch.partition(), partitions)) {
            throw ProxyError.PARTITION_NOT_FOUND.exception();
        }
        EncodedSide keys = side(batch, true);
        EncodedSide values = side(batch, false);
        List<byte[][]> encoded = new ArrayList<>();
        for (ProduceBatch.Entry entry : batch.records()) {
            encoded.add(new byte[][] {keys.encode(entry.key()), values.encode(entry.value())});
        }
        List<CompletableFuture<RecordOutcome>> sends = new ArrayList<>();
        for (int i = 0; i < encoded.size(); i++) {
            Integer partition = batch.partition() != null ? batch.partition() : batch.records().get(i).partition();
            // The producer would wait max.block.ms for a partition that does not exist before failing.
            sends.add(partition != null && !exists(partition, partitions)
                    ? CompletableFuture.completedFuture(RecordOutcome.failed(ProxyError.PARTITION_NOT_FOUND))
                    : sink.send(batch.topic(), partition, encoded.get(i)[0], encoded.get(i)[1]));
        }
        count(batch.format(), encoded, sends);
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .thenApplyAsync(done -> new ProduceResult(keys.schemaId(), values.schemaId(),
                        sends.stream().map(CompletableFuture::join).toList()), responders);
    }

    private void count(EmbeddedFormat format, List<byte[][]> encoded, List<CompletableFuture<RecordOutcome>> sends) {
        for (int i = 0; i < sends.size(); i++) {
            long bytes = length(encoded.get(i)[0]) + length(encoded.get(i)[1]);
            sends.get(i).whenComplete((outcome, failure) -> {
                if (failure == null && outcome.succeeded()) {
                    stats.produced(format, bytes);
                } else {
                    stats.produceFailed(format);
                }
            });
        }
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    @Override
    public void close() {
        responders.shutdown();
    }

    private static int highestPartition(ProduceBatch batch) {
        if (batch.partition() != null) {
            return batch.partition();
        }
        return batch.records().stream().map(ProduceBatch.Entry::partition).filter(p -> p != null)
                .mapToInt(Integer::intValue).max().orElse(-1);
    }

    private static boolean exists(int partition, int partitionCount) {
        return partition >= 0 && partition < partitionCount;
    }

    private EncodedSide side(ProduceBatch batch, boolean isKey) {
        if (!batch.format().usesSchemaRegistry()) {
            return EncodedSide.schemaless(batch.format());
        }
        ProduceBatch.SchemaChoice choice = isKey ? batch.keySchema() : batch.valueSchema();
        if (!choice.isGiven()) {
            Function<ProduceBatch.Entry, JsonNode> data = isKey ? ProduceBatch.Entry::key : ProduceBatch.Entry::value;
            boolean hasData = batch.records().stream()
                    .anyMatch(entry -> !EncodedSide.isNull(data.apply(entry)));
            if (hasData) {
                throw (isKey ? ProxyError.KEY_SCHEMA_MISSING : ProxyError.VALUE_SCHEMA_MISSING).exception();
            }
            return EncodedSide.schemaless(batch.format());
        }
        int id = choice.id() != null ? choice.id() : register(batch.topic(), isKey, batch.format(), choice.text());
        return EncodedSide.withSchema(batch.format(), id, schemas.schemaById(id));
    }

    private int register(String topic, boolean isKey, EmbeddedFormat format, String schemaText) {
        String subject = subjectNames.subject(topic, isKey, nameStrategy, format, schemaText);
        return schemas.register(subject, format.schemaType(), schemaText);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
