package io.karapace.jvm.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.kafka.EmbeddedKafka;
import io.karapace.jvm.kafka.KafkaClients;
import io.karapace.jvm.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs its own broker, because it stops it. */
class KafkaSchemaLogOutageTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dataDir;

    @Test
    void anAppendWhileKafkaIsDownFailsInBoundedTimeAndTheLogResumesWhenKafkaReturns() throws Exception {
        int[] ports = FreePorts.distinct(2);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, ports[0], ports[1]);
        RecordingSink sink = new RecordingSink();
        try (KafkaSchemaLog log = new KafkaSchemaLog(KafkaClients.plaintext(kafka.bootstrapServers(), "t"),
                "_schemas", 1, new KafkaSchemaLog.Timeouts(REQUEST_TIMEOUT, Duration.ofSeconds(10)))) {
            log.start(sink);
            assertTrue(log.awaitReady(Duration.ofSeconds(30)));
            log.append(bytes("before"), bytes("1"));

            kafka.close();
            long failedAt = System.nanoTime();
            StoreException failure = assertThrows(StoreException.class, () -> log.append(bytes("lost"), bytes("2")));
            Duration failedAfter = Duration.ofNanos(System.nanoTime() - failedAt);

            assertTrue(failure.timeout(), failure.getMessage());
            assertTrue(failedAfter.compareTo(REQUEST_TIMEOUT.multipliedBy(3)) < 0, "took " + failedAfter);

            kafka = EmbeddedKafka.start(dataDir, ports[0], ports[1]);
            log.append(bytes("after"), bytes("3"));
            assertEquals(List.of("before", "after"), sink.keys());
        } finally {
            kafka.close();
        }
    }

    @Test
    void startingWithoutAReachableKafkaFailsInBoundedTime() throws IOException {
        String nobodyListens = "127.0.0.1:" + FreePorts.distinct(1)[0];
        try (KafkaSchemaLog log = new KafkaSchemaLog(KafkaClients.plaintext(nobodyListens, "t"),
                "_schemas", 1, new KafkaSchemaLog.Timeouts(REQUEST_TIMEOUT, Duration.ofSeconds(10)))) {
            long startingAt = System.nanoTime();
            StoreException failure = assertThrows(StoreException.class, () -> log.start(new RecordingSink()));
            Duration failedAfter = Duration.ofNanos(System.nanoTime() - startingAt);

            assertTrue(failure.timeout(), failure.getMessage());
            assertTrue(failure.getMessage().contains(nobodyListens), failure.getMessage());
            assertTrue(failedAfter.compareTo(REQUEST_TIMEOUT.multipliedBy(3)) < 0, "took " + failedAfter);
            assertFalse(log.isReady());
        }
    }

    @Test
    void closingWhileKafkaIsDownDoesNotHang() throws Exception {
        KafkaSchemaLog log;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0, 0)) {
            log = new KafkaSchemaLog(KafkaClients.plaintext(kafka.bootstrapServers(), "t"),
                    "_schemas", 1, new KafkaSchemaLog.Timeouts(REQUEST_TIMEOUT, Duration.ofSeconds(10)));
            log.start(new RecordingSink());
            log.append(bytes("k"), bytes("v"));
        }

        long closingAt = System.nanoTime();
        log.close();
        Duration closedAfter = Duration.ofNanos(System.nanoTime() - closingAt);

        assertTrue(closedAfter.compareTo(REQUEST_TIMEOUT.multipliedBy(3)) < 0, "took " + closedAfter);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
