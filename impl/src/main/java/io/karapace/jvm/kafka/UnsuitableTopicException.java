package io.karapace.jvm.kafka;

/** An existing topic cannot hold a log: it has several partitions or it is not compacted. */
public class UnsuitableTopicException extends RuntimeException {
    public UnsuitableTopicException(String message) {
        super(message);
    }
}
