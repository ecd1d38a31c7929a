package io.karapace.jvm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karapace.jvm.conformance.harness.FreePorts;
import io.karapace.jvm.conformance.harness.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no bootstrap_uri the server runs its own Kafka, on disk: schemas survive a restart. */
class EmbeddedDefaultIT {
    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedKafkaKeepsSchemasAcrossRestarts() throws Exception {
        Map<String, Object> config = Map.of("data_dir", dataDir.toString(),
                "embedded_kafka_port", FreePorts.next(), "embedded_kafka_controller_port", FreePorts.next(),
                "karapace_rest", false);
        Path jar = Path.of(System.getProperty("karapace.jar", "../impl/target/karapace-jvm.jar")).toAbsolutePath();
        Path workDir = Files.createDirectories(Path.of("target/conformance")).toAbsolutePath();
        try (ServerProcess first = ServerProcess.start(jar, workDir, config)) {
            assertEquals(1, new RegistryCalls(first).register("embedded", "\"string\""));
            first.sendTerm();
            // issue 12: a SIGTERM stops gracefully and exits 0; a normal start and stop log no WARN or ERROR
            assertEquals(0, first.awaitExit(Duration.ofSeconds(60)), first.logTail());
            assertEquals(List.of(), warningsAndErrors(first.logLines()));
        }
        try (ServerProcess second = ServerProcess.start(jar, workDir, config)) {
            RegistryCalls registry = new RegistryCalls(second);
            assertEquals("[\"embedded\"]", registry.get("/subjects").body());
            assertEquals(2, registry.register("embedded-too", "\"int\""));
        }
    }

    /** Lines of the default text format ({@code 2026-12-04T01:02:03.456Z WARN  Logger - ...}) at WARN or ERROR. */
    static List<String> warningsAndErrors(List<String> lines) {
        return lines.stream().filter(line -> line.matches("\\S+ (WARN|ERROR|FATAL) .*")).toList();
    }
}
