package io.karapace.jvm.proxy.consumer;

/** A record header; {@code value} may be null. */
public record FetchedHeader(String key, byte[] value) {
}
