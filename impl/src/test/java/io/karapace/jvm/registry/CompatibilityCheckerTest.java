package io.karapace.jvm.registry;

import static io.karapace.jvm.registry.CompatibilityLevel.BACKWARD;
import static io.karapace.jvm.registry.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static io.karapace.jvm.registry.CompatibilityLevel.FORWARD;
import static io.karapace.jvm.registry.CompatibilityLevel.FORWARD_TRANSITIVE;
import static io.karapace.jvm.registry.CompatibilityLevel.FULL;
import static io.karapace.jvm.registry.CompatibilityLevel.FULL_TRANSITIVE;
import static io.karapace.jvm.registry.CompatibilityLevel.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.registry.CompatibilityChecker.Versioned;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import io.karapace.jvm.schema.avro.AvroSchemaProvider;
import io.karapace.jvm.schema.json.JsonSchemaProvider;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CompatibilityCheckerTest {
    private static final AvroSchemaProvider AVRO = new AvroSchemaProvider();

    private static final String V_A = record("{\"name\":\"a\",\"type\":\"int\"}");
    private static final String V_A_B_DEFAULT = record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
    private static final String V_A_B = record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}");
    private static final String B_MISSING_IN_OLD = "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'b' at path "
            + "'/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'b'}";
    private static final String B_MISSING_IN_NEW = "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'b' at path "
            + "'/fields/1' in the old schema has no default value and is missing in the new schema', additionalInfo:'b'}";

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}";
    }

    private static ParsedSchema avro(String text) {
        try {
            return AVRO.parse(text, List.of(), Validation.NEW);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Versions 1..n of a subject, oldest first. */
    private static List<Versioned> history(String... texts) {
        List<Versioned> versions = new ArrayList<>();
        for (String text : texts) {
            versions.add(new Versioned(versions.size() + 1, avro(text)));
        }
        return versions;
    }

    private static List<String> check(CompatibilityLevel level, String candidate, String... history) {
        return CompatibilityChecker.check(level, avro(candidate), history(history));
    }

    record Case(String description, String oldSchema, String newSchema, boolean backward, boolean forward, boolean full) {
        boolean compatibleUnder(CompatibilityLevel level) {
            return switch (level) {
                case NONE -> true;
                case BACKWARD, BACKWARD_TRANSITIVE -> backward;
                case FORWARD, FORWARD_TRANSITIVE -> forward;
                case FULL, FULL_TRANSITIVE -> full;
            };
        }
    }

    static Stream<Arguments> casesUnderEveryLevel() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = CompatibilityCheckerTest.class.getResourceAsStream("/avro/compatibility-cases.json")) {
            for (JsonNode row : new ObjectMapper().readTree(in)) {
                cases.add(new Case(row.get("description").asText(), row.get("old").toString(), row.get("new").toString(),
                        row.get("backward").asBoolean(), row.get("forward").asBoolean(), row.get("full").asBoolean()));
            }
        }
        return cases.stream().flatMap(c -> Stream.of(CompatibilityLevel.values())
                .map(level -> Arguments.of(c.description(), level, c)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("casesUnderEveryLevel")
    void avroChangesUnderEveryLevel(String description, CompatibilityLevel level, Case change) {
        List<String> issues = check(level, change.newSchema(), change.oldSchema());

        assertEquals(change.compatibleUnder(level), issues.isEmpty(), () -> String.join("\n", issues));
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void aFirstVersionIsCompatibleUnderEveryLevel(CompatibilityLevel level) {
        assertEquals(List.of(), check(level, V_A_B));
    }

    @Test
    void aBackwardFailureNamesTheIssueTheOldVersionAndTheLevel() {
        assertEquals(List.of(B_MISSING_IN_OLD, "{oldSchemaVersion: 1}", "{oldSchema: '" + V_A + "'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD'}"),
                check(BACKWARD, V_A_B, V_A));
    }

    @Test
    void aForwardFailureSeesTheOldSchemaAsTheReader() {
        assertEquals(List.of(B_MISSING_IN_NEW, "{oldSchemaVersion: 1}", "{oldSchema: '" + V_A_B + "'}",
                        "{validateFields: 'false', compatibility: 'FORWARD'}"),
                check(FORWARD, V_A, V_A_B));
    }

    @Test
    void aFullFailureListsOldReadsNewIssuesFirstAndTheOldVersionAfterTheNewReadsOldOnes() {
        String oldInt = record("{\"name\":\"a\",\"type\":\"int\"}");
        String newString = record("{\"name\":\"a\",\"type\":\"string\"}");

        assertEquals(List.of(
                        "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the old schema "
                                + "does not match with the new schema', additionalInfo:'reader type: INT not compatible with writer type: STRING'}",
                        "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the new schema "
                                + "does not match with the old schema', additionalInfo:'reader type: STRING not compatible with writer type: INT'}",
                        "{oldSchemaVersion: 1}", "{oldSchema: '" + oldInt + "'}",
                        "{validateFields: 'false', compatibility: 'FULL'}"),
                check(FULL, newString, oldInt));
    }

    @Test
    void aFullFailureOnlyInTheOldReadsNewDirectionCarriesNoOldVersionAsInConfluent() {
        assertEquals(List.of(B_MISSING_IN_NEW, "{validateFields: 'false', compatibility: 'FULL'}"),
                check(FULL, V_A, V_A_B));
    }

    @Test
    void noneAcceptsAnything() {
        assertEquals(List.of(), check(NONE, "\"boolean\"", V_A, "\"string\""));
    }

    @Test
    void backwardChecksOnlyTheLatestVersionAndBackwardTransitiveChecksThemAll() {
        assertEquals(List.of(), check(BACKWARD, V_A_B, V_A, V_A_B_DEFAULT));
        assertEquals(List.of(B_MISSING_IN_OLD, "{oldSchemaVersion: 1}", "{oldSchema: '" + V_A + "'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}"),
                check(BACKWARD_TRANSITIVE, V_A_B, V_A, V_A_B_DEFAULT));
    }

    @Test
    void forwardChecksOnlyTheLatestVersionAndForwardTransitiveChecksThemAll() {
        assertEquals(List.of(), check(FORWARD, V_A, V_A_B, V_A_B_DEFAULT));
        assertEquals(List.of(B_MISSING_IN_NEW, "{oldSchemaVersion: 1}", "{oldSchema: '" + V_A_B + "'}",
                        "{validateFields: 'false', compatibility: 'FORWARD_TRANSITIVE'}"),
                check(FORWARD_TRANSITIVE, V_A, V_A_B, V_A_B_DEFAULT));
    }

    @Test
    void fullChecksOnlyTheLatestVersionAndFullTransitiveChecksThemAll() {
        assertEquals(List.of(), check(FULL, V_A_B, V_A, V_A_B_DEFAULT));
        assertEquals(List.of(B_MISSING_IN_OLD, "{oldSchemaVersion: 1}", "{oldSchema: '" + V_A + "'}",
                        "{validateFields: 'false', compatibility: 'FULL_TRANSITIVE'}"),
                check(FULL_TRANSITIVE, V_A_B, V_A, V_A_B_DEFAULT));
    }

    @Test
    void aTransitiveCheckGoesFromNewestToOldestAndStopsAtTheFirstFailure() {
        String withC = record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"c\",\"type\":\"int\"}");

        assertEquals(List.of(B_MISSING_IN_OLD, "{oldSchemaVersion: 2}", "{oldSchema: '" + withC + "'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}"),
                check(BACKWARD_TRANSITIVE, V_A_B, V_A, withC));
    }

    @Test
    void anotherSchemaTypeIsIncompatibleInEachDirection() throws Exception {
        ParsedSchema json = new JsonSchemaProvider().parse("{}", List.of(), Validation.NEW);
        List<Versioned> history = history(V_A);
        String oldSchema = "{oldSchema: '" + V_A + "'}";

        assertEquals(List.of("Incompatible because of different schema type", "{oldSchemaVersion: 1}", oldSchema,
                        "{validateFields: 'false', compatibility: 'BACKWARD'}"),
                CompatibilityChecker.check(BACKWARD, json, history));
        assertEquals(List.of("Incompatible because of different schema type", "Incompatible because of different schema type",
                        "{oldSchemaVersion: 1}", oldSchema, "{validateFields: 'false', compatibility: 'FULL'}"),
                CompatibilityChecker.check(FULL, json, history));
    }

    @Test
    void aVeryLongOldSchemaIsTruncated() {
        String longDoc = "d".repeat(12_000);
        String old = "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"" + longDoc + "\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

        List<String> issues = check(BACKWARD, V_A_B, old);

        assertEquals("{oldSchema: <truncated to 10240 characters> '" + old.substring(0, 10_240) + "'}", issues.get(2));
    }

    @Test
    void rolePlaceholdersAreFilledInOrderAndOtherTextIsLeftAlone() {
        assertEquals("the new schema reads the old schema, 100%",
                CompatibilityChecker.withRoles("the %s schema reads the %s schema, 100%", "new", "old"));
        assertEquals("no placeholders", CompatibilityChecker.withRoles("no placeholders", "new", "old"));
    }
}
