package io.karapace.jvm.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Records what would be sent and answers each send itself: written at offsets counting from 0,
 * except for the values it was told to refuse.
 */
final class RecordingSink implements RecordSink {
    record Sent(String topic, Integer partition, byte[] key, byte[] value) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<CompletableFuture<RecordOutcome>> pending = new ArrayList<>();
    private String refusedValue;
    private boolean holdAnswers;

    /** Sends whose value is exactly this text fail as a non-retriable Kafka error. */
    void refuseValue(String text) {
        refusedValue = text;
    }

    /** Answers no send until {@link #answerAll()}. */
    void holdAnswers() {
        holdAnswers = true;
    }

    void answerAll() {
        for (int i = pending.size() - 1; i >= 0; i--) {
            pending.get(i).complete(outcome(sent.get(i), i));
        }
    }

    List<Sent> sent() {
        return sent;
    }

    @Override
    public CompletableFuture<RecordOutcome> send(String topic, Integer partition, byte[] key, byte[] value) {
        Sent record = new Sent(topic, partition, key, value);
        sent.add(record);
        CompletableFuture<RecordOutcome> answer = new CompletableFuture<>();
        pending.add(answer);
        if (!holdAnswers) {
            answer.complete(outcome(record, sent.size() - 1));
        }
        return answer;
    }

    private RecordOutcome outcome(Sent record, int index) {
        if (refusedValue != null && record.value() != null && new String(record.value()).equals(refusedValue)) {
            return RecordOutcome.failed(ProxyError.KAFKA_ERROR, "refused by the test");
        }
        return RecordOutcome.written(record.partition() == null ? 0 : record.partition(), index);
    }
}
