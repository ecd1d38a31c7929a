package io.karapace.jvm.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.avro.AvroSchemaProvider;
import io.karapace.jvm.store.RecordCodec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RegistryServiceTest {
    private static final String STRING = "{\"type\":\"string\"}";
    private static final String RECORD_V1 =
            "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"id\",\"type\":\"int\"}]}";
    private static final String RECORD_V2_WITH_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":"
            + "[{\"name\":\"id\",\"type\":\"int\"},{\"name\":\"name\",\"type\":\"string\",\"default\":\"\"}]}";
    private static final String RECORD_V2_NO_DEFAULT = "{\"type\":\"record\",\"name\":\"User\",\"fields\":"
            + "[{\"name\":\"id\",\"type\":\"int\"},{\"name\":\"name\",\"type\":\"string\"}]}";

    private final ObjectMapper json = new ObjectMapper();
    private InMemorySchemaLog log;
    private RegistryService registry;
    private RegistryWrites writes;

    @BeforeEach
    void start() {
        log = new InMemorySchemaLog();
        registry = service(log);
        writes = new LocalWrites(registry, PrimaryLease.SINGLE_NODE);
    }

    private static RegistryService service(InMemorySchemaLog log) {
        RegistryService service = new RegistryService(log, new RecordCodec(),
                new SchemaProviders(List.of(new AvroSchemaProvider())), CompatibilityLevel.BACKWARD,
                false, Duration.ofSeconds(1));
        service.start();
        return service;
    }

    private int register(String subject, String schema) {
        return writes.register(subject, SchemaRequest.of(schema), false, WriteOrigin.INTERNAL);
    }

    private static void assertError(RegistryError expected, Executable call) {
        RegistryException e = assertThrows(RegistryException.class, call);
        assertEquals(expected, e.error(), e.getMessage());
    }

    @Test
    void registeringTheSameSchemaTwiceReturnsTheSameIdAndWritesNothing() {
        int id = register("s", STRING);
        int records = log.entries.size();
        assertEquals(id, register("s", "  {\"type\" : \"string\"} "));
        assertEquals(records, log.entries.size());
        assertEquals(List.of(1), registry.versions("s", false, false));
    }

    @Test
    void theSameSchemaUnderAnotherSubjectReusesItsId() {
        int id = register("a", RECORD_V1);
        assertEquals(id, register("b", RECORD_V1));
        assertEquals(List.of("a", "b"), registry.subjectsById(id, false));
    }

    @Test
    void newSchemasGetTheHighestIdPlusOneAndTheNextVersion() {
        assertEquals(1, register("s", RECORD_V1));
        assertEquals(2, register("s", RECORD_V2_WITH_DEFAULT));
        assertEquals(List.of(1, 2), registry.versions("s", false, false));
        assertEquals(2, registry.version("s", VersionSpec.LATEST, false).id());
    }

    @Test
    void anIncompatibleSchemaIsRefusedWithReasons() {
        register("s", RECORD_V1);
        RegistryException e = assertThrows(RegistryException.class, () -> register("s", RECORD_V2_NO_DEFAULT));
        assertEquals(RegistryError.INCOMPATIBLE_SCHEMA, e.error());
        assertTrue(e.getMessage().contains("READER_FIELD_MISSING_DEFAULT_VALUE"), e.getMessage());
    }

    @Test
    void invalidSchemasAndUnknownTypesAre42201() {
        assertError(RegistryError.INVALID_SCHEMA, () -> register("s", "{\"type\":\"nope\"}"));
        assertError(RegistryError.INVALID_SCHEMA, () -> register("s", ""));
        assertError(RegistryError.INVALID_SCHEMA, () -> writes.register("s",
                new SchemaRequest(STRING, "XML", List.of(), null, null, null, null), false, WriteOrigin.INTERNAL));
    }

    @Test
    void softDeletedVersionsLeaveListingsButStayReadableById() {
        int id = register("s", STRING);
        assertEquals(1, writes.deleteVersion("s", VersionSpec.parse("1"), false, WriteOrigin.INTERNAL));
        assertError(RegistryError.SUBJECT_NOT_FOUND, () -> registry.versions("s", false, false));
        assertEquals(List.of(1), registry.versions("s", true, false));
        assertEquals("\"string\"", registry.schemaById(id).schema());
        assertEquals(List.of("s"), registry.subjects(null, true, false));
        assertEquals(List.of(), registry.subjects(null, false, false));
    }

    @Test
    void hardDeleteNeedsASoftDeleteFirst() {
        register("s", STRING);
        assertError(RegistryError.VERSION_NOT_SOFT_DELETED, () -> writes.deleteVersion("s", VersionSpec.parse("1"), true, WriteOrigin.INTERNAL));
        writes.deleteVersion("s", VersionSpec.parse("1"), false, WriteOrigin.INTERNAL);
        assertError(RegistryError.VERSION_SOFT_DELETED, () -> writes.deleteVersion("s", VersionSpec.parse("1"), false, WriteOrigin.INTERNAL));
        writes.deleteVersion("s", VersionSpec.parse("1"), true, WriteOrigin.INTERNAL);
        assertError(RegistryError.SUBJECT_NOT_FOUND, () -> registry.versions("s", true, false));
    }

    @Test
    void subjectDeletesFollowConfluentsRules() {
        register("s", RECORD_V1);
        register("s", RECORD_V2_WITH_DEFAULT);
        assertError(RegistryError.SUBJECT_NOT_SOFT_DELETED, () -> writes.deleteSubject("s", true, WriteOrigin.INTERNAL));
        assertEquals(List.of(1, 2), writes.deleteSubject("s", false, WriteOrigin.INTERNAL));
        assertError(RegistryError.SUBJECT_SOFT_DELETED, () -> writes.deleteSubject("s", false, WriteOrigin.INTERNAL));
        assertEquals(List.of(1, 2), writes.deleteSubject("s", true, WriteOrigin.INTERNAL));
        assertError(RegistryError.SUBJECT_NOT_FOUND, () -> writes.deleteSubject("s", false, WriteOrigin.INTERNAL));
    }

    @Test
    void versionNumbersContinueAfterSoftDeletesAndRestartAfterHardDeletes() {
        register("s", RECORD_V1);
        writes.deleteSubject("s", false, WriteOrigin.INTERNAL);
        register("s", RECORD_V2_WITH_DEFAULT);
        assertEquals(List.of(2), registry.versions("s", false, false));
        writes.deleteSubject("s", false, WriteOrigin.INTERNAL);
        writes.deleteSubject("s", true, WriteOrigin.INTERNAL);
        register("s", STRING);
        assertEquals(List.of(1), registry.versions("s", false, false));
    }

    @Test
    void idsOfHardDeletedSchemasAreNotHandedOutAgain() {
        register("s", RECORD_V1);
        writes.deleteSubject("s", false, WriteOrigin.INTERNAL);
        writes.deleteSubject("s", true, WriteOrigin.INTERNAL);
        assertEquals(2, register("t", STRING));
    }

    @Test
    void aReferencedVersionCannotBeDeleted() {
        register("base", "{\"type\":\"record\",\"name\":\"Base\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        int id = writes.register("user", new SchemaRequest(
                "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"b\",\"type\":\"Base\"}]}", null,
                List.of(new SchemaReference("Base", "base", 1)), null, null, null, null), false, WriteOrigin.INTERNAL);
        assertEquals(List.of(id), registry.referencedBy("base", VersionSpec.parse("1")));
        assertError(RegistryError.REFERENCE_EXISTS, () -> writes.deleteVersion("base", VersionSpec.parse("1"), false, WriteOrigin.INTERNAL));
        assertError(RegistryError.REFERENCE_EXISTS, () -> writes.deleteSubject("base", false, WriteOrigin.INTERNAL));
    }

    @Test
    void aReferenceToAMissingVersionIsAnInvalidSchema() {
        assertError(RegistryError.INVALID_SCHEMA, () -> writes.register("user", new SchemaRequest(
                "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"b\",\"type\":\"Base\"}]}", null,
                List.of(new SchemaReference("Base", "base", 1)), null, null, null, null), false, WriteOrigin.INTERNAL));
    }

    @Test
    void configIsGlobalUnlessTheSubjectHasItsOwn() throws Exception {
        assertEquals("BACKWARD", registry.globalConfig().get("compatibilityLevel").asText());
        assertError(RegistryError.SUBJECT_COMPATIBILITY_NOT_CONFIGURED, () -> registry.subjectConfig("s", false));
        writes.updateConfig("s", (ObjectNode) json.readTree("{\"compatibility\":\"none\"}"), WriteOrigin.INTERNAL);
        assertEquals("NONE", registry.subjectConfig("s", false).get("compatibilityLevel").asText());
        register("s", RECORD_V1);
        register("s", RECORD_V2_NO_DEFAULT);
        assertEquals("NONE", writes.deleteConfig("s", WriteOrigin.INTERNAL).get("compatibilityLevel").asText());
        assertError(RegistryError.SUBJECT_NOT_FOUND, () -> writes.deleteConfig("s", WriteOrigin.INTERNAL));
        assertError(RegistryError.INVALID_COMPATIBILITY_LEVEL,
                () -> writes.updateConfig(null, (ObjectNode) json.readTree("{\"compatibility\":\"SOME\"}"), WriteOrigin.INTERNAL));
    }

    @Test
    void readOnlyModeRefusesWritesAndImportModeTakesExplicitIds() {
        writes.updateMode("s", "READONLY", false, WriteOrigin.INTERNAL);
        assertError(RegistryError.OPERATION_NOT_PERMITTED, () -> register("s", STRING));
        writes.updateMode("s", "IMPORT", false, WriteOrigin.INTERNAL);
        assertError(RegistryError.OPERATION_NOT_PERMITTED, () -> register("s", STRING));
        int id = writes.register("s", new SchemaRequest(STRING, null, List.of(), null, null, 7, 42), false, WriteOrigin.INTERNAL);
        assertEquals(42, id);
        assertEquals(List.of(7), registry.versions("s", false, false));
        writes.deleteMode("s", WriteOrigin.INTERNAL);
        assertEquals(43, register("t", RECORD_V1));
        assertError(RegistryError.OPERATION_NOT_PERMITTED, () -> writes.updateMode(null, "IMPORT", false, WriteOrigin.INTERNAL));
        assertEquals(Mode.IMPORT, writes.updateMode(null, "import", true, WriteOrigin.INTERNAL));
        assertError(RegistryError.INVALID_MODE, () -> writes.updateMode(null, "SLEEPY", false, WriteOrigin.INTERNAL));
    }

    @Test
    void aRestartRebuildsTheSameStateFromTheLog() {
        register("a", RECORD_V1);
        register("a", RECORD_V2_WITH_DEFAULT);
        register("b", STRING);
        writes.deleteVersion("a", VersionSpec.parse("1"), false, WriteOrigin.INTERNAL);
        writes.updateConfig("b", json.createObjectNode().put("compatibility", "FULL"), WriteOrigin.INTERNAL);
        RegistryService restarted = service(log);
        assertEquals(registry.subjects(null, true, false), restarted.subjects(null, true, false));
        assertEquals(List.of(2), restarted.versions("a", false, false));
        assertEquals(List.of(1, 2), restarted.versions("a", true, false));
        assertEquals("FULL", restarted.subjectConfig("b", false).get("compatibilityLevel").asText());
        assertEquals(4, new LocalWrites(restarted, PrimaryLease.SINGLE_NODE)
                .register("c", SchemaRequest.of("\"int\""), false, WriteOrigin.INTERNAL));
    }

    @Test
    void rewritesReuseTheKeyLayoutOfTheRecordRead() {
        log.add("{\"subject\":\"s\",\"version\":1,\"magic\":1,\"keytype\":\"SCHEMA\"}",
                "{\"subject\":\"s\",\"version\":1,\"id\":5,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
        registry = service(log);
        writes = new LocalWrites(registry, PrimaryLease.SINGLE_NODE);
        writes.deleteVersion("s", VersionSpec.parse("1"), false, WriteOrigin.INTERNAL);
        assertEquals("{\"subject\":\"s\",\"version\":1,\"magic\":1,\"keytype\":\"SCHEMA\"}",
                new String(log.entries.get(1).key()));
        writes.deleteVersion("s", VersionSpec.parse("1"), true, WriteOrigin.INTERNAL);
        List<String> tombstoned = log.entries.subList(2, log.entries.size()).stream()
                .filter(e -> e.value() == null).map(e -> new String(e.key())).toList();
        assertEquals(List.of("{\"subject\":\"s\",\"version\":1,\"magic\":1,\"keytype\":\"SCHEMA\"}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"), tombstoned);
    }

    @Test
    void storeFailuresBecome50001AndChangeNothing() {
        register("s", STRING);
        log.failWrites = true;
        assertError(RegistryError.STORE_ERROR, () -> register("t", RECORD_V1));
        assertError(RegistryError.SUBJECT_NOT_FOUND, () -> registry.versions("t", false, false));
        log.failWrites = false;
        assertEquals(2, register("t", RECORD_V1));
    }

    @Test
    void invalidSubjectNamesAre42208() {
        assertError(RegistryError.INVALID_SUBJECT, () -> register("__GLOBAL", STRING));
        assertError(RegistryError.INVALID_SUBJECT, () -> register("bad\u0001name", STRING));
    }

    @Test
    void compatibilityAgainstLatestOfAnEmptySubjectIsCompatible() {
        assertTrue(registry.checkCompatibility("none", VersionSpec.LATEST, SchemaRequest.of(STRING), false, false)
                .compatible());
        assertError(RegistryError.VERSION_NOT_FOUND, () -> registry.checkCompatibility("none",
                VersionSpec.parse("3"), SchemaRequest.of(STRING), false, false));
        register("s", RECORD_V1);
        RegistryService.CompatibilityResult verdict = registry.checkCompatibility("s", VersionSpec.LATEST,
                SchemaRequest.of(RECORD_V2_NO_DEFAULT), false, true);
        assertFalse(verdict.compatible());
        assertFalse(verdict.messages().isEmpty());
    }

    @Test
    void lookupFindsTheVersionHoldingTheSchema() {
        register("s", RECORD_V1);
        register("s", RECORD_V2_WITH_DEFAULT);
        assertEquals(1, registry.lookup("s", SchemaRequest.of(RECORD_V1), false, false).version());
        assertError(RegistryError.SCHEMA_NOT_FOUND_UNDER_SUBJECT,
                () -> registry.lookup("s", SchemaRequest.of(STRING), false, false));
        assertError(RegistryError.SUBJECT_NOT_FOUND, () -> registry.lookup("x", SchemaRequest.of(STRING), false, false));
    }

    @Test
    void aNodeThatIsNotTheLeaderRefusesWritesButAnswersReads() {
        register("s", STRING);
        RegistryService follower = service(log);
        RegistryWrites followerWrites = new LocalWrites(follower, new PrimaryLease() {
            @Override
            public long acquire() {
                throw RegistryError.NO_PRIMARY.exception("Leader not known: not the primary");
            }

            @Override
            public boolean holds(long term) {
                return false;
            }
        });
        assertError(RegistryError.NO_PRIMARY, () -> followerWrites.register("t", SchemaRequest.of(STRING), false, WriteOrigin.INTERNAL));
        assertError(RegistryError.NO_PRIMARY, () -> followerWrites.deleteSubject("s", false, WriteOrigin.INTERNAL));
        assertEquals(List.of(1), follower.versions("s", false, false));
    }
}
