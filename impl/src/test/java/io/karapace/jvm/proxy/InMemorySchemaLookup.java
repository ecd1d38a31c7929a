package io.karapace.jvm.proxy;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.schema.avro.AvroSchemaProvider;
import io.karapace.jvm.schema.json.JsonSchemaProvider;
import io.karapace.jvm.schema.protobuf.ProtobufSchemaProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registry in maps: ids from 1 in registration order, one id per distinct text; remembers subjects
 * and numbers each subject's distinct schemas from version 1.
 */
public final class InMemorySchemaLookup implements SchemaLookup {
    public static final SchemaProviders PROVIDERS = new SchemaProviders(List.of(new AvroSchemaProvider(),
            new JsonSchemaProvider(), new ProtobufSchemaProvider()));

    private final Map<String, Integer> idsByText = new LinkedHashMap<>();
    private final Map<Integer, ParsedSchema> schemas = new LinkedHashMap<>();
    private final List<String> registeredSubjects = new ArrayList<>();
    private final Map<String, List<Integer>> versions = new LinkedHashMap<>();

    @Override
    public int register(String subject, SchemaType type, String schemaText) {
        ParsedSchema parsed;
        try {
            parsed = PROVIDERS.get(type).orElseThrow().parse(schemaText, List.of(), Validation.NEW);
        } catch (InvalidSchemaException e) {
            throw ProxyError.INVALID_SCHEMA.exception(e.getMessage());
        }
        registeredSubjects.add(subject);
        int id = idsByText.computeIfAbsent(type + parsed.canonical(), text -> idsByText.size() + 1);
        schemas.put(id, parsed);
        List<Integer> ids = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!ids.contains(id)) {
            ids.add(id);
        }
        return id;
    }

    @Override
    public ParsedSchema schemaById(int id) {
        ParsedSchema schema = schemas.get(id);
        if (schema == null) {
            throw ProxyError.INVALID_SCHEMA.exception("Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public int idOfVersion(String subject, Integer version) {
        List<Integer> ids = versions.getOrDefault(subject, List.of());
        int index = version == null || version == -1 ? ids.size() : version;
        if (index < 1 || index > ids.size()) {
            throw ProxyError.INVALID_SCHEMA.exception("Subject " + subject + " has no version " + version);
        }
        return ids.get(index - 1);
    }

    public List<String> registeredSubjects() {
        return registeredSubjects;
    }
}
