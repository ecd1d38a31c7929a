package io.karapace.jvm.schema.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karapace.jvm.registry.CompatibilityChecker;
import io.karapace.jvm.registry.CompatibilityChecker.Versioned;
import io.karapace.jvm.registry.CompatibilityLevel;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.Validation;
import io.karapace.jvm.schema.avro.AvroSchemaProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issues keep Confluent's wording, its order (messages, then fields, as its hash sets iterate) and
 * its {@code %s} placeholders: first the reader's role, then the writer's.
 */
class ProtobufReadIssuesTest {
    private static final ProtobufSchemaProvider PROVIDER = new ProtobufSchemaProvider();
    private static final String OLD = "syntax = \"proto3\";\npackage shop;\nmessage Order {\n  int32 id = 1;\n}\nmessage Line {\n  int32 sku = 1;\n}\n";
    private static final String NEW = "syntax = \"proto3\"; package shop; message Order { string id = 1; }";

    private static ParsedSchema parse(String text) throws Exception {
        return PROVIDER.parse(text, List.of(), Validation.NEW);
    }

    @Test
    void eachIssueNamesItsKindAndPath() throws Exception {
        assertEquals(List.of(
                        "{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at path '#/Order/1' in the %s schema does not match its kind in the %s schema\"}",
                        "{errorType:\"MESSAGE_REMOVED\", description:\"The %s schema is missing a MESSAGE type at path '#/Line' in the %s schema\"}"),
                parse(NEW).readIssues(parse(OLD)));
    }

    @Test
    void theCompatibilityCheckerFillsInTheRoles() throws Exception {
        List<String> issues = CompatibilityChecker.check(CompatibilityLevel.BACKWARD, parse(NEW),
                List.of(new Versioned(1, parse(OLD))));

        assertEquals(List.of(
                "{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at path '#/Order/1' in the new schema does not match its kind in the old schema\"}",
                "{errorType:\"MESSAGE_REMOVED\", description:\"The new schema is missing a MESSAGE type at path '#/Line' in the old schema\"}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '" + parse(OLD).canonical() + "'}",
                "{validateFields: 'false', compatibility: 'BACKWARD'}"), issues);
    }

    @Test
    void aWriterOfAnotherSchemaTypeCannotBeRead() throws Exception {
        ParsedSchema avro = new AvroSchemaProvider().parse("\"string\"", List.of(), Validation.NEW);

        assertEquals(List.of("Incompatible because of different schema type"), parse(NEW).readIssues(avro));
    }
}
