package io.karapace.jvm.schema.json;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Checks a schema document against the meta-schema of its draft, with the meta-schemas the validator bundles. */
final class MetaSchemas {
    private static final Map<Draft, Schema> META_SCHEMAS = load();

    private MetaSchemas() {
    }

    private static Map<Draft, Schema> load() {
        Map<Draft, Schema> metaSchemas = new EnumMap<>(Draft.class);
        for (Draft draft : Draft.values()) {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(draft.specification);
            metaSchemas.put(draft, registry.getSchema(SchemaLocation.of(draft.specification.getDialectId())));
        }
        return metaSchemas;
    }

    /** The meta-schema's complaints about {@code schemaText}, each as {@code /path: message}; empty when valid. */
    static List<String> violations(Draft draft, String schemaText) {
        return META_SCHEMAS.get(draft).validate(schemaText, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }
}
