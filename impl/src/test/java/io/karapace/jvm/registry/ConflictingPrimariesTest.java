package io.karapace.jvm.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.schema.avro.AvroSchemaProvider;
import io.karapace.jvm.store.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two nodes that both believe they are primary (a long pause, a partition) may both bind one id.
 * Confluent's issues 858 and 893 are the failure to avoid (API.md Part F): every reader keeps the
 * first record written for an id and never serves the second, and the node whose record lost
 * does not acknowledge it.
 */
class ConflictingPrimariesTest {
    private static final String KEY_A = "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":1,\"magic\":1}";
    private static final String KEY_B = "{\"keytype\":\"SCHEMA\",\"subject\":\"b\",\"version\":1,\"magic\":1}";

    private static String value(String subject, String schema) {
        return "{\"subject\":\"" + subject + "\",\"version\":1,\"id\":1,\"schema\":\"" + schema.replace("\"", "\\\"")
                + "\",\"deleted\":false}";
    }

    private static RegistryService started(InMemorySchemaLog log) {
        RegistryService registry = new RegistryService(log, new RecordCodec(),
                new SchemaProviders(List.of(new AvroSchemaProvider())), CompatibilityLevel.BACKWARD, false,
                Duration.ofSeconds(1));
        registry.start();
        return registry;
    }

    @Test
    void theReaderKeepsTheFirstSchemaWrittenForAnIdAndNeverServesTheSecond() {
        InMemorySchemaLog log = new InMemorySchemaLog();
        log.add(KEY_A, value("a", "\"string\""));
        log.add(KEY_B, value("b", "\"int\""));
        RegistryService registry = started(log);
        assertEquals("\"string\"", registry.schemaById(1).schema());
        assertEquals(List.of("a"), registry.subjectsById(1, true));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.versions("b", true, false));
        assertEquals(RegistryError.SUBJECT_NOT_FOUND, e.error());
    }

    @Test
    void aWriteWhoseIdAnotherNodeTookFirstIsNotAcknowledged() {
        InMemorySchemaLog log = new InMemorySchemaLog();
        RegistryService registry = started(log);
        LocalWrites writes = new LocalWrites(registry, PrimaryLease.SINGLE_NODE);
        log.interloper = new InMemorySchemaLog.Entry(KEY_B.getBytes(StandardCharsets.UTF_8),
                value("b", "\"int\"").getBytes(StandardCharsets.UTF_8));
        RegistryException e = assertThrows(RegistryException.class,
                () -> writes.register("a", SchemaRequest.of("\"string\""), false, WriteOrigin.INTERNAL));
        assertEquals(50001, e.errorCode());
        assertEquals("\"int\"", registry.schemaById(1).schema(), "the first record written keeps the id");
        assertEquals(2, writes.register("a", SchemaRequest.of("\"string\""), false, WriteOrigin.INTERNAL),
                "a retry takes the next id");
    }

    @Test
    void aNodeThatLostItsTermBeforeAppendingWritesNothing() {
        InMemorySchemaLog log = new InMemorySchemaLog();
        RegistryService registry = started(log);
        LocalWrites writes = new LocalWrites(registry, new PrimaryLease() {
            @Override
            public long acquire() {
                return 3;
            }

            @Override
            public boolean holds(long term) {
                return false;
            }
        });
        RegistryException e = assertThrows(RegistryException.class,
                () -> writes.register("a", SchemaRequest.of("\"string\""), false, WriteOrigin.INTERNAL));
        assertEquals(50004, e.errorCode());
        assertEquals(0, log.entries.size());
    }
}
