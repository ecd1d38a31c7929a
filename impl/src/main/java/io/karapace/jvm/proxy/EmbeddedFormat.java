package io.karapace.jvm.proxy;

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

    public static Optional<EmbeddedFormat> parse(String name) {
        return Enums.parse(EmbeddedFormat.class, name);
    }
}
