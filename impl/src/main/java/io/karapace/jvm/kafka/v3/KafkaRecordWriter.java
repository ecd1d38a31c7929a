package io.karapace.jvm.kafka.v3;

import io.karapace.jvm.kafka.ProxyProducer;
import io.karapace.jvm.proxy.v3.RecordWriter;
import io.karapace.jvm.proxy.v3.V3Exception;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeader;

/** v3 records through the REST proxy's one shared producer. */
public final class KafkaRecordWriter implements RecordWriter {
    private final ProxyProducer producer;

    public KafkaRecordWriter(ProxyProducer producer) {
        this.producer = producer;
    }

    @Override
    public CompletableFuture<Written> write(Outgoing record) {
        List<org.apache.kafka.common.header.Header> headers = record.headers().stream()
                .map(h -> (org.apache.kafka.common.header.Header) new RecordHeader(h.name(), h.value())).toList();
        ProducerRecord<byte[], byte[]> kafkaRecord = new ProducerRecord<>(record.topic(), record.partition(),
                record.timestamp(), record.key(), record.value(), headers);
        return producer.send(kafkaRecord)
                .thenApply(meta -> new Written(meta.partition(), meta.offset(), meta.timestamp()))
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(translate(failure)));
    }

    private static V3Exception translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof UnknownTopicOrPartitionException) {
            return V3Exception.unknownTopicOrPartition();
        }
        if (cause instanceof org.apache.kafka.common.errors.AuthorizationException
                || cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
            return V3Exception.forbidden();
        }
        if (cause instanceof RecordTooLargeException) {
            return V3Exception.kafkaBadRequest(cause.getMessage());
        }
        return V3Exception.kafkaError(cause.getMessage(), cause instanceof RetriableException);
    }
}
