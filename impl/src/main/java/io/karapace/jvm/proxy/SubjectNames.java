package io.karapace.jvm.proxy;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaProvider;
import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.schema.Validation;
import java.util.List;

/**
 * The subject a schema sent with produced records is registered under, as a name strategy derives it.
 * The record name strategies need the schema parsed first, to read its record name.
 */
public final class SubjectNames {
    private final SchemaProviders providers;

    public SubjectNames(SchemaProviders providers) {
        this.providers = providers;
    }

    /** 42205 when the record name strategies meet a schema that does not parse or has no record name. */
    public String subject(String topic, boolean isKey, NameStrategy strategy, EmbeddedFormat format,
                          String schemaText) {
        String recordName = strategy.needsRecordName() ? RecordNames.of(parse(format, schemaText)) : null;
        return strategy.subject(topic, isKey, recordName);
    }

    private ParsedSchema parse(EmbeddedFormat format, String schemaText) {
        SchemaProvider provider = providers.get(format.schemaType()).orElseThrow(() ->
                ProxyError.INVALID_SCHEMA.exception("this server does not serve " + format.schemaType() + " schemas"));
        try {
            return provider.parse(schemaText, List.of(), Validation.NEW);
        } catch (InvalidSchemaException e) {
            throw ProxyError.INVALID_SCHEMA.exception(e.getMessage());
        }
    }
}
