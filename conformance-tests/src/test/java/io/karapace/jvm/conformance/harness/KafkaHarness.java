package io.karapace.jvm.conformance.harness;

import io.karapace.jvm.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A real single-node KRaft broker in this JVM, on free ports and a temporary data directory. */
public final class KafkaHarness implements AutoCloseable {

    private final Path dataDir;
    private final EmbeddedKafka kafka;

    private KafkaHarness(Path dataDir, EmbeddedKafka kafka) {
        this.dataDir = dataDir;
        this.kafka = kafka;
    }

    public static KafkaHarness start() throws Exception {
        Path dataDir = Files.createTempDirectory("conformance-kafka-");
        return new KafkaHarness(dataDir, EmbeddedKafka.start(dataDir, 0, 0));
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        try {
            kafka.close();
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
