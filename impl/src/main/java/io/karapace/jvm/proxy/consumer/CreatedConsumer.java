package io.karapace.jvm.proxy.consumer;

/**
 * A new consumer instance.
 *
 * @param instanceId the instance's name
 * @param basePath   {@code /consumers/<group>/instances/<name>}, unencoded; prefix it with the advertised base URL
 */
public record CreatedConsumer(String instanceId, String basePath) {
}
