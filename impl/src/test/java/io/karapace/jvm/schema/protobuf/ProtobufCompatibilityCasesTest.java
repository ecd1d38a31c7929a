package io.karapace.jvm.schema.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per Confluent compatibility rule, in {@code protobuf/compatibility-cases.json}: whether the
 * new version reads data of the old one (backward) and the other way round (forward), and which
 * kinds of incompatibility a backward check names.
 */
class ProtobufCompatibilityCasesTest {
    private static final ProtobufSchemaProvider PROVIDER = new ProtobufSchemaProvider();

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = ProtobufCompatibilityCasesTest.class.getResourceAsStream("/protobuf/compatibility-cases.json")) {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode row : new ObjectMapper().readTree(in)) {
                cases.add(Arguments.of(row.get("description").asText(), row));
            }
            return cases.stream();
        }
    }

    private static ParsedSchema parse(JsonNode row, String side) throws Exception {
        List<ReferencedSchema> references = new ArrayList<>();
        for (JsonNode reference : row.path(side + "References")) {
            references.add(new ReferencedSchema(new SchemaReference(reference.get("name").asText(),
                    reference.get("subject").asText(), reference.get("version").asInt()),
                    SchemaType.PROTOBUF, reference.get("schema").asText(), List.of()));
        }
        return PROVIDER.parse(row.get(side).asText(), references, Validation.NEW);
    }

    private static List<String> errorTypes(List<String> issues) {
        return issues.stream().map(issue -> issue.split("\"")[1]).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theNewVersionReadsTheOldOnlyWhenConfluentSaysSo(String description, JsonNode row) throws Exception {
        List<String> issues = parse(row, "new").readIssues(parse(row, "old"));

        assertEquals(row.get("backward").asBoolean(), issues.isEmpty(), () -> String.join("\n", issues));
        List<String> expectedTypes = new ArrayList<>();
        row.get("backwardErrors").forEach(type -> expectedTypes.add(type.asText()));
        assertEquals(expectedTypes, errorTypes(issues));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theOldVersionReadsTheNewOnlyWhenConfluentSaysSo(String description, JsonNode row) throws Exception {
        List<String> issues = parse(row, "old").readIssues(parse(row, "new"));

        assertEquals(row.get("forward").asBoolean(), issues.isEmpty(), () -> String.join("\n", issues));
    }
}
