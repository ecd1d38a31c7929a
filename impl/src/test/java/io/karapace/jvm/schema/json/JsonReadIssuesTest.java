package io.karapace.jvm.schema.json;

import static io.karapace.jvm.registry.CompatibilityLevel.BACKWARD;
import static io.karapace.jvm.registry.CompatibilityLevel.FORWARD;
import static io.karapace.jvm.registry.CompatibilityLevel.FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karapace.jvm.registry.CompatibilityChecker;
import io.karapace.jvm.registry.CompatibilityChecker.Versioned;
import io.karapace.jvm.registry.CompatibilityLevel;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issues are worded as Confluent's; the first {@code %s} is the reader's role, the second the writer's. */
class JsonReadIssuesTest {
    private static final JsonSchemaProvider PROVIDER = new JsonSchemaProvider();
    private static final String OPEN = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    private static final String OPEN_WITH_B = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"number\"}}}";
    private static final String CLOSED = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"additionalProperties\":false}";
    private static final String CLOSED_WITH_B = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},"
            + "\"b\":{\"type\":\"number\"}},\"additionalProperties\":false}";

    private static ParsedSchema parse(String text) {
        try {
            return PROVIDER.parse(text, List.of(), Validation.NEW);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static List<String> check(CompatibilityLevel level, String candidate, String previous) {
        return CompatibilityChecker.check(level, parse(candidate), List.of(new Versioned(1, parse(previous))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a keyword added       | {"type":"string"}                     | {"type":"string","maxLength":3}         | {errorType:"MAX_LENGTH_ADDED", description:"The keyword at path '#/maxLength' in the %s schema is not present in the %s schema"}
            a value increased     | {"type":"string","minLength":1}       | {"type":"string","minLength":2}         | {errorType:"MIN_LENGTH_INCREASED", description:"The value at path '#/minLength' in the %s schema is more than its value in the %s schema"}
            a value decreased     | {"type":"number","maximum":2}         | {"type":"number","maximum":1}           | {errorType:"MAXIMUM_DECREASED", description:"The value at path '#/maximum' in the %s schema is less than its value in the %s schema"}
            a value changed       | {"type":"string","pattern":"a"}       | {"type":"string","pattern":"b"}         | {errorType:"PATTERN_CHANGED", description:"The value at path '#/pattern' is different between the %s and %s schema"}
            fewer elements        | {"enum":[1,2]}                        | {"enum":[1]}                            | {errorType:"ENUM_ARRAY_NARROWED", description:"An array or combined type at path '#/enum' has fewer elements in the %s schema than the %s schema"}
            more elements         | {"not":{"type":"integer"}}            | {"not":{"type":"number"}}               | {errorType:"NOT_TYPE_EXTENDED", description:"An array or combined type at path '#/not' has more elements in the %s schema than the %s schema"}
            another type          | {"type":"string"}                     | {"type":"boolean"}                      | {errorType:"TYPE_CHANGED", description:"A type at path '#/' is different between the %s schema and the %s schema"}
            added to an open model | {"properties":{}}                    | {"properties":{"x":{"type":"string"}}}  | {errorType:"OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", description:"The %s schema has an open content model and has a property or item at path '#/properties/x' which is missing in the %s schema"}
            required, unopen      | {"properties":{},"additionalProperties":false} | {"properties":{"x":{}},"required":["x"],"additionalProperties":false} | {errorType:"REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL", description:"The %s schema has an unopen content model and has a required property at path '#/properties/x' which is missing in the %s schema"}
            removed from closed   | {"properties":{"x":{}},"additionalProperties":false} | {"properties":{},"additionalProperties":false} | {errorType:"PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL", description:"The %s schema has a closed content model and is missing a property or item present at path '#/properties/x' in the %s schema"}
            removed, not covered  | {"properties":{"x":{"type":"number"}},"additionalProperties":false} | {"properties":{},"additionalProperties":{"type":"string"}} | {errorType:"PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", description:"A property or item is missing in the %s schema but present at path '#/properties/x' in the %s schema and is not covered by its partially open content model"}
            added, not covered    | {"items":[{}],"additionalItems":{"type":"string"}} | {"items":[{},{"type":"number"}],"additionalItems":{"type":"string"}} | {errorType:"ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL", description:"The %s schema has a property or item at path '#/items/1' which is missing in the %s schema and is not covered by its partially open content model"}
            no description        | {"type":"array"}                      | {"type":"array","items":{}}             | {errorType:"SCHEMA_ADDED", description:""}
            """)
    void eachKindOfIncompatibilityIsWordedAsConfluentWordsIt(String rule, String writer, String reader, String issue) {
        List<String> issues = parse(reader).readIssues(parse(writer));

        assertEquals(issue, issues.get(issues.size() - 1));
    }

    @Test
    void onlyIncompatibleChangesAreReported() {
        List<String> issues = parse("{\"title\":\"new\",\"type\":\"string\",\"maxLength\":3,\"minLength\":1}")
                .readIssues(parse("{\"title\":\"old\",\"type\":\"string\",\"maxLength\":5}"));

        assertEquals(List.of("MAX_LENGTH_DECREASED", "MIN_LENGTH_ADDED"),
                issues.stream().map(issue -> issue.split("\"")[1]).toList());
    }

    @Test
    void aWriterOfAnotherSchemaTypeCannotBeRead() {
        ParsedSchema avroWriter = new ParsedSchema() {
            @Override
            public SchemaType type() {
                return SchemaType.AVRO;
            }

            @Override
            public String canonical() {
                return "\"string\"";
            }

            @Override
            public ParsedSchema normalize() {
                return this;
            }

            @Override
            public List<String> readIssues(ParsedSchema writer) {
                return List.of();
            }
        };

        assertEquals(List.of("Incompatible because of different schema type"), parse(OPEN).readIssues(avroWriter));
    }

    @Test
    void backwardRejectsAPropertyAddedToAnOpenModelNamingTheNewSchemaAsTheReader() {
        assertEquals(List.of("{errorType:\"OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL\", description:\"The new schema "
                                + "has an open content model and has a property or item at path '#/properties/b' which is "
                                + "missing in the old schema\"}",
                        "{oldSchemaVersion: 1}", "{oldSchema: '" + OPEN + "'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD'}"),
                check(BACKWARD, OPEN_WITH_B, OPEN));
    }

    @Test
    void forwardAcceptsAPropertyAddedToAnOpenModel() {
        assertEquals(List.of(), check(FORWARD, OPEN_WITH_B, OPEN));
    }

    @Test
    void aPropertyAddedToAClosedModelIsBackwardButNotForwardCompatible() {
        assertEquals(List.of(), check(BACKWARD, CLOSED_WITH_B, CLOSED));
        assertEquals(List.of("{errorType:\"PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL\", description:\"The old schema has a "
                                + "closed content model and is missing a property or item present at path '#/properties/b' "
                                + "in the new schema\"}",
                        "{oldSchemaVersion: 1}", "{oldSchema: '" + CLOSED + "'}",
                        "{validateFields: 'false', compatibility: 'FORWARD'}"),
                check(FORWARD, CLOSED_WITH_B, CLOSED));
    }

    @Test
    void fullNeedsBothDirections() {
        assertEquals(List.of(), check(FULL, "{\"type\":\"string\",\"title\":\"t\"}", "{\"type\":\"string\"}"));
        assertEquals(List.of("{errorType:\"TYPE_NARROWED\", description:\"A type at path '#/' is different between the "
                                + "new schema and the old schema\"}",
                        "{oldSchemaVersion: 1}", "{oldSchema: '{\"type\":\"number\"}'}",
                        "{validateFields: 'false', compatibility: 'FULL'}"),
                check(FULL, "{\"type\":\"integer\"}", "{\"type\":\"number\"}"));
    }
}
