package io.karapace.jvm.schema.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * One row of {@code json/compatibility-cases.json} per rule: the changes found from the original (writer)
 * schema to the update (reader), whether the update can read what the original allowed, and, where given,
 * whether the original can read what the update allows.
 */
class JsonCompatibilityCasesTest {
    private static final JsonSchemaProvider PROVIDER = new JsonSchemaProvider();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = JsonCompatibilityCasesTest.class.getResourceAsStream("/json/compatibility-cases.json")) {
            for (JsonNode row : new ObjectMapper().readTree(in)) {
                cases.add(Arguments.of(row.get("description").asText(), row));
            }
        }
        return cases.stream();
    }

    private static JsonParsedSchema parse(JsonNode schema) throws Exception {
        return (JsonParsedSchema) PROVIDER.parse(schema.toString(), List.of(), Validation.NEW);
    }

    private static List<String> sorted(List<String> texts) {
        return texts.stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyChangeIsFoundAndJudged(String description, JsonNode row) throws Exception {
        JsonParsedSchema original = parse(row.get("original"));
        JsonParsedSchema update = parse(row.get("update"));
        List<String> expectedChanges = new ArrayList<>();
        row.get("changes").forEach(change -> expectedChanges.add(change.asText()));

        List<String> changes = update.differencesFrom(original).stream().map(Difference::toString).toList();
        List<String> issues = update.readIssues(original);

        assertEquals(sorted(expectedChanges), sorted(changes));
        assertEquals(row.get("backward").asBoolean(), issues.isEmpty(), () -> String.join("\n", issues));
        for (String issue : issues) {
            String errorType = issue.substring("{errorType:\"".length(), issue.indexOf("\","));
            assertTrue(expectedChanges.stream().anyMatch(change -> change.startsWith(errorType + " ")), issue);
        }
        if (row.has("forward")) {
            assertEquals(row.get("forward").asBoolean(), original.readIssues(update).isEmpty());
        }
    }
}
