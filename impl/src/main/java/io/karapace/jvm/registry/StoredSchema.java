package io.karapace.jvm.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import java.util.List;

/**
 * One schema under its global id: the content every subject-version with this id shares.
 * Stored once however many subjects use it. The parsed form is computed on first use.
 */
public final class StoredSchema {
    private final int id;
    private final SchemaContent content;
    private volatile ParsedSchema parsed;

    StoredSchema(int id, SchemaContent content) {
        this.id = id;
        this.content = content;
    }

    public int id() {
        return id;
    }

    public SchemaContent content() {
        return content;
    }

    public SchemaType type() {
        return content.type();
    }

    public String schema() {
        return content.schema();
    }

    public List<SchemaReference> references() {
        return content.references();
    }

    public ObjectNode metadata() {
        return content.metadata();
    }

    public ObjectNode ruleSet() {
        return content.ruleSet();
    }

    ParsedSchema parsed() {
        return parsed;
    }

    void parsed(ParsedSchema value) {
        parsed = value;
    }
}
