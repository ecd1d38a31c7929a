package io.karapace.jvm.schema.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.CanonicalSchema;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaType;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@code .proto} file with the referenced schemas it imports. Its canonical text is the file
 * rewritten in Confluent's layout, so spellings that differ only in whitespace, comments or
 * statement placement are one schema.
 */
public final class ProtobufParsedSchema extends CanonicalSchema {
    static final String DIFFERENT_TYPE = "Incompatible because of different schema type";
    private static final String SERIALIZED_FORMAT = "serialized";
    private static final String IGNORE_EXTENSIONS_FORMAT = "ignore_extensions";

    private final ProtoSources sources;
    private volatile FileDescriptor fileDescriptor;

    ProtobufParsedSchema(ProtoSources sources, List<ReferencedSchema> references) {
        this(sources, references, ProtoWriter.write(sources.main(), new TypeIndex(sources), ProtoStyle.CANONICAL));
    }

    private ProtobufParsedSchema(ProtoSources sources, List<ReferencedSchema> references, String canonical) {
        super(canonical, references);
        this.sources = sources;
    }

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    /**
     * Confluent's normalize=true form: options, fields, enum constants, reserved ranges and imports
     * sorted, type names fully qualified, proto2's default syntax line dropped. Its canonical text
     * is that rewrite.
     */
    @Override
    public ParsedSchema normalize() {
        String rewritten = ProtoWriter.write(sources.main(), new TypeIndex(sources), ProtoStyle.NORMALIZED);
        try {
            ProtoSources normalized = new ProtoSources(ProtobufSchemaParser.parseRewrite(rewritten),
                    sources.referenced(), sources.references());
            return new ProtobufParsedSchema(normalized, references(), rewritten);
        } catch (InvalidSchemaException e) {
            throw new IllegalStateException("The normalized form of a valid schema does not parse: " + rewritten, e);
        }
    }

    /**
     * {@code serialized} is the base64 of the schema's FileDescriptorProto, which non-Java clients
     * fetch; {@code ignore_extensions} leaves out custom options and extensions; anything else is
     * the canonical text.
     */
    @Override
    public String formatted(String format) {
        if (SERIALIZED_FORMAT.equals(format)) {
            return Base64.getEncoder().encodeToString(ProtoDescriptors.link(sources).mainProto().toByteArray());
        }
        if (IGNORE_EXTENSIONS_FORMAT.equals(format)) {
            return ProtoWriter.write(sources.main(), new TypeIndex(sources), ProtoStyle.WITHOUT_EXTENSIONS);
        }
        return canonical();
    }

    /**
     * Each issue reads like Confluent's, e.g. {@code {errorType:"FIELD_KIND_CHANGED", description:"The
     * type of a field at path '#/Order/2' in the %s schema does not match the %s schema"}}; the first
     * {@code %s} stands for the reader's role and the second for the writer's.
     */
    @Override
    public List<String> readIssues(ParsedSchema writer) {
        if (!(writer instanceof ProtobufParsedSchema protobufWriter)) {
            return List.of(DIFFERENT_TYPE);
        }
        try {
            return SchemaComparison.compare(protobufWriter.sources, sources).stream()
                    .filter(difference -> !difference.compatible())
                    .map(Difference::issue)
                    .toList();
        } catch (RuntimeException e) {
            return List.of("Unexpected exception during compatibility check: " + e.getMessage());
        }
    }

    /** protobuf-java's view of the schema, with its imports resolved; built on first use. */
    public FileDescriptor fileDescriptor() {
        FileDescriptor built = fileDescriptor;
        if (built == null) {
            try {
                built = ProtoDescriptors.link(sources).mainDescriptor();
            } catch (DescriptorValidationException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            fileDescriptor = built;
        }
        return built;
    }

    /** The message with this fully-qualified name, e.g. {@code shop.Order.Line}, for DynamicMessage and JsonFormat. */
    public Optional<Descriptor> descriptor(String fullName) {
        return fileDescriptor().getMessageTypes().stream()
                .flatMap(ProtobufParsedSchema::withNested)
                .filter(message -> message.getFullName().equals(fullName))
                .findFirst();
    }

    /** The first message of the file, which Confluent's clients use when none is named. */
    public Optional<Descriptor> firstMessage() {
        return fileDescriptor().getMessageTypes().stream().findFirst();
    }

    private static Stream<Descriptor> withNested(Descriptor message) {
        return Stream.concat(Stream.of(message), message.getNestedTypes().stream().flatMap(ProtobufParsedSchema::withNested));
    }

}
