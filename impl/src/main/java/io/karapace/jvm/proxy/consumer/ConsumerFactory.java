package io.karapace.jvm.proxy.consumer;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;

/** Makes the Kafka consumer of a REST consumer instance: the server's one client factory, seen from here. */
@FunctionalInterface
public interface ConsumerFactory {
    Consumer<byte[], byte[]> consumer(String role, Map<String, ?> overrides);
}
