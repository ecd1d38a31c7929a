package io.karapace.jvm.proxy.consumer;

import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.ProxyException;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** What a Kafka client failure tells the REST client, with Confluent's codes. */
final class KafkaFailures {
    private KafkaFailures() {
    }

    /** The failure as a {@link ProxyException}; anything that is no Kafka or argument failure stays as it is. */
    static Throwable translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        if (cause instanceof ProxyException) {
            return cause;
        } else if (cause instanceof org.apache.kafka.common.errors.AuthorizationException
                || cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
            return ProxyError.FORBIDDEN.exception();
        } else if (cause instanceof UnknownTopicOrPartitionException) {
            return new ProxyException(ProxyError.CONSUMER_INSTANCE_NOT_FOUND, message);
        } else if (cause instanceof RetriableException) {
            return ProxyError.KAFKA_RETRIABLE_ERROR.exception(message);
        } else if (cause instanceof InvalidTopicException || cause instanceof IllegalArgumentException) {
            return ProxyError.KAFKA_BAD_REQUEST.exception(message);
        } else if (cause instanceof IllegalStateException) {
            return ProxyError.ILLEGAL_STATE.exception(message);
        } else if (cause instanceof KafkaException) {
            return ProxyError.KAFKA_ERROR.exception(message);
        }
        return cause;
    }
}
