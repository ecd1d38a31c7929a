package io.karapace.jvm.schema;

import java.util.List;

/** A schema its provider has understood. Implementations are immutable. */
public interface ParsedSchema {

    SchemaType type();

    /** The text the registry stores and serves for this schema; equal texts are the same schema. */
    String canonical();

    /** The normalized form, used when normalize=true: equivalent spellings map to one text. */
    ParsedSchema normalize();

    /** The text rendered as the {@code format} query parameter asks; unknown formats give canonical. */
    default String formatted(String format) {
        return canonical();
    }

    /**
     * Whether data written with {@code writer} can be read with this schema as the reader.
     *
     * @return the reasons it cannot, empty when it can
     */
    List<String> readIssues(ParsedSchema writer);
}
