package io.karapace.jvm.kafka;

import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.RecordOutcome;
import io.karapace.jvm.proxy.RecordSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;

/** The REST proxy's one producer, shared by every request. */
public final class ProxyProducer implements RecordSink, AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;

    /** The {@code producer_*} settings. */
    public record Tuning(String acks, String compressionType, int lingerMs, int maxRequestSize, int metadataMaxAgeMs) {
    }

    public ProxyProducer(KafkaClients clients, Tuning tuning) {
        this.producer = clients.producer("proxy-producer", Map.of(
                ProducerConfig.ACKS_CONFIG, tuning.acks(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, tuning.compressionType(),
                ProducerConfig.LINGER_MS_CONFIG, tuning.lingerMs(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, tuning.maxRequestSize(),
                ProducerConfig.METADATA_MAX_AGE_CONFIG, tuning.metadataMaxAgeMs()));
    }

    @Override
    public CompletableFuture<RecordOutcome> send(String topic, Integer partition, byte[] key, byte[] value) {
        CompletableFuture<RecordOutcome> outcome = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value),
                    (metadata, failure) -> outcome.complete(outcome(metadata, failure)));
        } catch (RuntimeException e) {
            outcome.complete(outcome(null, e));
        }
        return outcome;
    }

    /** Sends a record as built by the caller (headers, timestamp); the future fails with Kafka's exception. */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    written.complete(metadata);
                } else {
                    written.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            written.completeExceptionally(e);
        }
        return written;
    }

    private static RecordOutcome outcome(RecordMetadata metadata, Exception failure) {
        if (failure == null) {
            return RecordOutcome.written(metadata.partition(), metadata.offset());
        }
        if (failure instanceof org.apache.kafka.common.errors.AuthorizationException
                || failure instanceof org.apache.kafka.common.errors.AuthenticationException) {
            return RecordOutcome.failed(ProxyError.FORBIDDEN);
        }
        ProxyError error = failure instanceof RetriableException
                ? ProxyError.KAFKA_RETRIABLE_ERROR : ProxyError.KAFKA_ERROR;
        return RecordOutcome.failed(error, failure.getMessage());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
