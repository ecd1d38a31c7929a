package io.karapace.jvm.conformance;

import static io.karapace.jvm.conformance.RegistryCalls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.conformance.fixture.HttpResult;
import io.karapace.jvm.conformance.harness.FreePorts;
import io.karapace.jvm.conformance.harness.ServerLauncher;
import io.karapace.jvm.conformance.harness.ServerProcess;
import io.karapace.jvm.kafka.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka going away costs writes a clear 5xx, never data; the server recovers when Kafka returns. */
class KafkaOutageIT {
    private static final String V2 =
            "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"string\",\"default\":\"\"}]}";

    @TempDir
    Path kafkaDir;

    @Test
    void writesFailWith5xxWhileKafkaIsDownAndWorkAgainAfterwards() throws Exception {
        int brokerPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        EmbeddedKafka kafka = EmbeddedKafka.start(kafkaDir, brokerPort, controllerPort);
        ServerLauncher launcher = new ServerLauncher(
                Path.of(System.getProperty("karapace.jar", "../impl/target/karapace-jvm.jar")).toAbsolutePath(),
                Files.createDirectories(Path.of("target/conformance")).toAbsolutePath(), kafka.bootstrapServers());
        try (ServerProcess server = launcher.start(ServerLauncher.uniqueTopic("outage"),
                Map.of("store_timeout_ms", 3000))) {
            RegistryCalls registry = new RegistryCalls(server);
            assertEquals(1, registry.register("s", "{\"type\":\"record\",\"name\":\"r\",\"fields\":[]}"));
            kafka.close();

            HttpResult refused = registry.post("/subjects/s/versions", V2);
            assertEquals(500, refused.status(), refused.body());
            assertTrue(Set.of(50001, 50002, 50003).contains(json(refused).get("error_code").intValue()), refused.body());
            assertEquals("[1]", registry.get("/subjects/s/versions").body(), "reads are served from memory");

            kafka = EmbeddedKafka.start(kafkaDir, brokerPort, controllerPort);
            HttpResult accepted = retryUntilOk(() -> registry.post("/subjects/s/versions", V2), Duration.ofSeconds(60));
            assertEquals(2, json(accepted).get("id").intValue());
            assertEquals("[1,2]", registry.get("/subjects/s/versions").body());
        } finally {
            kafka.close();
        }
    }

    private static HttpResult retryUntilOk(java.util.function.Supplier<HttpResult> call, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResult result = call.get();
        while (result.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            result = call.get();
        }
        return result;
    }
}
