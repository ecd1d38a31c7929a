package io.karapace.jvm.schema.avro;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * Turns text into an {@link AvroParsedSchema}. References are parsed first with the same parser, so
 * the main schema can use their named types.
 */
final class AvroSchemaParser {

    private AvroSchemaParser() {
    }

    static AvroParsedSchema parse(String text, List<ReferencedSchema> references, Validation validation)
            throws InvalidSchemaException {
        Schema.Parser parser = parserFor(validation);
        List<Schema> referencedTypes = new ArrayList<>();
        for (ReferencedSchema reference : distinct(references)) {
            referencedTypes.add(parseReference(parser, reference));
        }
        Schema schema = parseText(parser, text);
        return new AvroParsedSchema(schema, referencedTypes, List.copyOf(references), validation);
    }

    /** NEW is what Confluent checks on registration; STORED accepts whatever was once accepted. */
    private static Schema.Parser parserFor(Validation validation) {
        boolean strict = validation == Validation.NEW;
        Schema.Parser parser = new Schema.Parser(strict ? NameValidator.STRICT_VALIDATOR : NameValidator.NO_VALIDATION);
        parser.setValidateDefaults(strict);
        return parser;
    }

    /** A schema reached by two paths (A and B both use C) is defined once. */
    private static List<ReferencedSchema> distinct(List<ReferencedSchema> references) {
        Set<String> seen = new HashSet<>();
        List<ReferencedSchema> distinct = new ArrayList<>();
        for (ReferencedSchema reference : references) {
            if (seen.add(reference.reference().subject() + "\u0000" + reference.reference().version())) {
                distinct.add(reference);
            }
        }
        return distinct;
    }

    private static Schema parseReference(Schema.Parser parser, ReferencedSchema referenced)
            throws InvalidSchemaException {
        String name = referenced.reference().name();
        if (referenced.type() != SchemaType.AVRO) {
            throw new InvalidSchemaException(
                    "Reference '" + name + "' is a " + referenced.type() + " schema; an Avro schema can only reference Avro schemas");
        }
        try {
            return parseText(parser, referenced.schema());
        } catch (InvalidSchemaException e) {
            throw new InvalidSchemaException("Invalid reference '" + name + "': " + e.getMessage(), e);
        }
    }

    private static Schema parseText(Schema.Parser parser, String text) throws InvalidSchemaException {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        try {
            return parser.parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidSchemaException(describe(text, e), e);
        }
    }

    private static String describe(String text, Throwable failure) {
        String stripped = text.strip();
        // Avro 1.12 throws a bare NullPointerException when the whole schema names a type it does not know.
        if (failure instanceof NullPointerException && stripped.startsWith("\"")) {
            return "Undefined schema: " + stripped;
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
