package io.karapace.jvm.schema.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code .proto} text into a {@link ProtobufParsedSchema} with Wire's parser. Referenced
 * schemas are the files the text imports, by import path. A new schema must also link: every type
 * and option it names must resolve.
 */
final class ProtobufSchemaParser {
    // Confluent parses at an unnamed location, so Wire's messages read "Syntax error in :1:13: ...".
    private static final Location MAIN_LOCATION = Location.get("");

    private ProtobufSchemaParser() {
    }

    static ProtobufParsedSchema parse(String text, List<ReferencedSchema> references, Validation validation)
            throws InvalidSchemaException {
        Map<String, ProtoFileElement> referenced = new HashMap<>();
        Map<String, SchemaReference> referenceIds = new HashMap<>();
        for (ReferencedSchema reference : references) {
            String path = reference.reference().name();
            referenced.put(path, parseReference(reference));
            referenceIds.put(path, reference.reference());
        }
        ProtobufParsedSchema schema = new ProtobufParsedSchema(
                new ProtoSources(parseText(MAIN_LOCATION, text), referenced, referenceIds), references);
        if (validation == Validation.NEW) {
            checkLinks(schema);
        }
        return schema;
    }

    /** Parses a normalized rewrite of a schema, which was valid before it was rewritten. */
    static ProtoFileElement parseRewrite(String text) throws InvalidSchemaException {
        return parseText(MAIN_LOCATION, text);
    }

    private static ProtoFileElement parseReference(ReferencedSchema reference) throws InvalidSchemaException {
        String path = reference.reference().name();
        if (reference.type() != SchemaType.PROTOBUF) {
            throw new InvalidSchemaException("Reference '" + path + "' is a " + reference.type()
                    + " schema; a Protobuf schema can only import Protobuf schemas");
        }
        try {
            return parseText(Location.get(path), reference.schema());
        } catch (InvalidSchemaException e) {
            throw new InvalidSchemaException("Invalid reference '" + path + "': " + e.getMessage(), e);
        }
    }

    private static ProtoFileElement parseText(Location location, String text) throws InvalidSchemaException {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        try {
            return ProtoParser.Companion.parse(location, text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidSchemaException(reason(e), e);
        }
    }

    private static void checkLinks(ProtobufParsedSchema schema) throws InvalidSchemaException {
        try {
            schema.fileDescriptor();
        } catch (Exception | StackOverflowError e) {
            throw new InvalidSchemaException(reason(e), e);
        }
    }

    private static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
