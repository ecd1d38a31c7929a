package io.karapace.jvm.schema.avro;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.CanonicalSchema;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * An Avro schema with the referenced schemas it was parsed against. Its canonical text is Avro's
 * compact rendering, in which referenced types appear by name only.
 */
public final class AvroParsedSchema extends CanonicalSchema {
    static final String DIFFERENT_TYPE = "Incompatible because of different schema type";
    private static final String RESOLVED_FORMAT = "resolved";

    private final Schema schema;
    private final List<Schema> referencedTypes;
    private final Validation validation;

    // Avro 1.12 deprecates toString(Collection, boolean), yet it is still the only renderer that writes
    // referenced types by name; Confluent's canonical text is built with it.
    @SuppressWarnings("deprecation")
    AvroParsedSchema(Schema schema, List<Schema> referencedTypes, List<ReferencedSchema> references,
                     Validation validation) {
        super(schema.toString(List.copyOf(referencedTypes), false), references);
        this.schema = schema;
        this.referencedTypes = List.copyOf(referencedTypes);
        this.validation = validation;
    }

    /** The Avro library's view of this schema, with referenced types resolved. */
    public Schema avroSchema() {
        return schema;
    }

    @Override
    public SchemaType type() {
        return SchemaType.AVRO;
    }

    /**
     * Confluent's normalize=true form: the schema is rewritten with full names, a fixed attribute
     * order and sorted properties and aliases, then parsed again, so its canonical text is Avro's
     * rendering of that rewrite.
     */
    @Override
    public ParsedSchema normalize() {
        String rewritten = new AvroNormalizer(referencedTypes).normalize(schema);
        try {
            return AvroSchemaParser.parse(rewritten, references(), validation);
        } catch (InvalidSchemaException e) {
            throw new IllegalStateException("The normalized form of a valid schema does not parse: " + rewritten, e);
        }
    }

    /** {@code resolved} inlines the referenced types; any other format is the canonical text. */
    @Override
    public String formatted(String format) {
        return RESOLVED_FORMAT.equalsIgnoreCase(format) ? schema.toString() : canonical();
    }

    /**
     * Each issue reads like Confluent's, e.g. {@code {errorType:'READER_FIELD_MISSING_DEFAULT_VALUE',
     * description:'The field 'f' at path '/fields/1' in the %s schema has no default value and is
     * missing in the %s schema', additionalInfo:'f'}}. As in Confluent, the first {@code %s} stands for
     * the reader's role and the second for the writer's; the compatibility checker fills them in
     * ("new"/"old"), because only it knows which schema is the new one.
     */
    @Override
    public List<String> readIssues(ParsedSchema writer) {
        if (!(writer instanceof AvroParsedSchema avroWriter)) {
            return List.of(DIFFERENT_TYPE);
        }
        try {
            return SchemaCompatibility.checkReaderWriterCompatibility(schema, avroWriter.schema)
                    .getResult().getIncompatibilities().stream()
                    .map(AvroIssue::describe)
                    .toList();
        } catch (RuntimeException e) {
            return List.of("Unexpected exception during compatibility check: " + e.getMessage());
        }
    }

}
