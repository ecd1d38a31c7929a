package io.karapace.jvm.testing;

import io.karapace.jvm.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka broker for the whole test JVM, started by the first test class that needs it and
 * stopped when the test run ends. Tests share it, so each uses its own topic names.
 *
 * <pre>{@code @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();}</pre>
 */
public final class KafkaBroker implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBroker.class);

    private SharedBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedBroker.class, key -> SharedBroker.start(), SharedBroker.class);
    }

    public String bootstrapServers() {
        if (broker == null) {
            throw new IllegalStateException("KafkaBroker must be registered as a static @RegisterExtension field");
        }
        return broker.kafka.bootstrapServers();
    }

    /** Closed by JUnit with the root store, i.e. once, at the end of the run. */
    private static final class SharedBroker implements AutoCloseable {
        private final Path dataDir;
        private final EmbeddedKafka kafka;

        private SharedBroker(Path dataDir, EmbeddedKafka kafka) {
            this.dataDir = dataDir;
            this.kafka = kafka;
        }

        static SharedBroker start() {
            try {
                Path dataDir = Files.createTempDirectory("karapace-test-kafka");
                return new SharedBroker(dataDir, EmbeddedKafka.start(dataDir, 0, 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            kafka.close();
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
