package io.karapace.jvm.proxy;

import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.util.Enums;
import java.util.Locale;
import java.util.Optional;

/** How keys and values are embedded in REST proxy JSON: v2's media type names them. */
public enum EmbeddedFormat {
    BINARY, JSON, AVRO, JSONSCHEMA, PROTOBUF;

    /** The v2 media type naming this format, e.g. {@code application/vnd.kafka.avro.v2+json}. */
    public String mediaType() {
        return "application/vnd.kafka." + name().toLowerCase(Locale.ROOT) + ".v2+json";
    }

    public boolean usesSchemaRegistry() {
        return this == AVRO || this == JSONSCHEMA || this == PROTOBUF;
    }

    /** The schema language of a format that {@link #usesSchemaRegistry()}. */
    public SchemaType schemaType() {
        return switch (this) {
            case AVRO -> SchemaType.AVRO;
            case JSONSCHEMA -> SchemaType.JSON;
            case PROTOBUF -> SchemaType.PROTOBUF;
            case BINARY, JSON -> throw new IllegalStateException(this + " data have no schema");
        };
    }

    /** The format whose data a schema of this language encodes. */
    public static EmbeddedFormat of(SchemaType type) {
        return switch (type) {
            case AVRO -> AVRO;
            case JSON -> JSONSCHEMA;
            case PROTOBUF -> PROTOBUF;
        };
    }

    public static Optional<EmbeddedFormat> parse(String name) {
        return Enums.parse(EmbeddedFormat.class, name);
    }
}
