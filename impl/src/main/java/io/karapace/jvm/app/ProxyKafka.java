package io.karapace.jvm.app;

import io.karapace.jvm.config.Config;
import io.karapace.jvm.kafka.CallerClients;
import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.kafka.ProxyAdmin;
import io.karapace.jvm.kafka.ProxyProducer;
import io.karapace.jvm.kafka.v3.KafkaRecordWriter;
import io.karapace.jvm.proxy.ClusterMetadata;
import io.karapace.jvm.proxy.ProxyStats;
import io.karapace.jvm.proxy.RecordSink;
import io.karapace.jvm.proxy.consumer.ConsumerManager;
import io.karapace.jvm.proxy.consumer.ConsumerSettings;
import io.karapace.jvm.proxy.v3.ClusterAdmin;
import io.karapace.jvm.proxy.v3.RecordWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Kafka side of the REST proxy as its services see it. Without {@code rest_authorization} one
 * admin client, one producer and one consumer manager serve everyone; with it each port below asks
 * {@link CallerClients} for the set of the request's caller, so the proxy's code is the same either way.
 */
record ProxyKafka(ClusterMetadata metadata, RecordSink sink, ClusterAdmin clusterAdmin, RecordWriter writer,
                  Supplier<ConsumerManager> consumers) {

    /** The server's own identity for every request. */
    static ProxyKafka shared(Config config, KafkaClients kafka, ShutdownPlan shutdown, ProxyStats stats) {
        ClientSet set = new ClientSet(config, kafka, stats);
        shutdown.add(ShutdownPlan.Phase.FLUSH_PRODUCERS, set);
        shutdown.add(ShutdownPlan.Phase.CLOSE_CONSUMERS, set.consumers);
        KafkaRecordWriter writer = new KafkaRecordWriter(set.producer);
        return new ProxyKafka(set.admin.metadata(), set.producer, set.admin.clusterAdmin(), writer,
                () -> set.consumers);
    }

    /** The caller's identity, per request (rest_authorization). */
    static ProxyKafka perCaller(CallerClients<ClientSet> callers) {
        return new ProxyKafka(
                delegate(ClusterMetadata.class, () -> callers.current().admin.metadata()),
                delegate(RecordSink.class, () -> callers.current().producer),
                delegate(ClusterAdmin.class, () -> callers.current().admin.clusterAdmin()),
                delegate(RecordWriter.class, () -> callers.current().writer),
                () -> callers.current().consumers);
    }

    /** One identity's admin client, producer and consumer instances. */
    static final class ClientSet implements CallerClients.ClientSet {
        final ProxyAdmin admin;
        final ProxyProducer producer;
        final KafkaRecordWriter writer;
        final ConsumerManager consumers;

        ClientSet(Config config, KafkaClients kafka, ProxyStats stats) {
            this.admin = new ProxyAdmin(kafka);
            this.producer = new ProxyProducer(kafka, new ProxyProducer.Tuning(config.producerAcks(),
                    config.producerCompressionType(), config.producerLingerMs(), config.producerMaxRequestSize(),
                    config.metadataMaxAgeMs()));
            this.writer = new KafkaRecordWriter(producer);
            // one Kafka consumer per instance: their client ids are unbounded, so they report no client metrics
            this.consumers = new ConsumerManager(kafka.withoutMetrics()::consumer, new ConsumerSettings(
                    Duration.ofMillis(config.consumerRequestTimeoutMs()), config.consumerRequestMaxBytes(),
                    config.fetchMinBytes(), config.consumerEnableAutoCommit(), Duration.ofSeconds(config.consumerIdleDisconnectTimeout())),
                    stats);
        }

        @Override
        public boolean holdsState() {
            return consumers.hasInstances();
        }

        @Override
        public void close() {
            consumers.close();
            producer.close();
            admin.close();
        }
    }

    /** An implementation of {@code port} that forwards each call to what {@code target} names then. */
    private static <T> T delegate(Class<T> port, Supplier<? extends T> target) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "caller-scoped " + port.getSimpleName();
                };
            }
            try {
                return method.invoke(target.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return port.cast(proxy);
    }
}
