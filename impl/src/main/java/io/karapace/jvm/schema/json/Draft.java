package io.karapace.jvm.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecificationVersion;
import java.util.Locale;

/** The JSON Schema drafts a schema can declare with {@code $schema}; draft 7 when it declares none, as in Confluent. */
enum Draft {
    DRAFT_4("json-schema.org/draft-04/schema", SpecificationVersion.DRAFT_4),
    DRAFT_6("json-schema.org/draft-06/schema", SpecificationVersion.DRAFT_6),
    DRAFT_7("json-schema.org/draft-07/schema", SpecificationVersion.DRAFT_7),
    DRAFT_2019_09("json-schema.org/draft/2019-09/schema", SpecificationVersion.DRAFT_2019_09),
    DRAFT_2020_12("json-schema.org/draft/2020-12/schema", SpecificationVersion.DRAFT_2020_12);

    private final String uriWithoutScheme;
    final SpecificationVersion specification;

    Draft(String uriWithoutScheme, SpecificationVersion specification) {
        this.uriWithoutScheme = uriWithoutScheme;
        this.specification = specification;
    }

    /** An unknown or absent {@code $schema} means draft 7, the way Confluent reads it. */
    static Draft of(JsonNode schema) {
        JsonNode declared = schema.path("$schema");
        if (!declared.isTextual()) {
            return DRAFT_7;
        }
        String uri = declared.asText().trim().toLowerCase(Locale.ROOT);
        uri = uri.replaceFirst("^https?://", "").replaceFirst("#$", "");
        for (Draft draft : values()) {
            if (draft.uriWithoutScheme.equals(uri)) {
                return draft;
            }
        }
        return DRAFT_7;
    }

    String idKeyword() {
        return this == DRAFT_4 ? "id" : "$id";
    }

    /** From 2019-09 on, {@code $ref} is one keyword among others instead of replacing its siblings. */
    boolean refHasSiblings() {
        return this == DRAFT_2019_09 || this == DRAFT_2020_12;
    }

    /** From 2020-12 on, a tuple is {@code prefixItems} and {@code items} covers the items after it. */
    boolean hasPrefixItems() {
        return this == DRAFT_2020_12;
    }
}
