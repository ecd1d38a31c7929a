package io.karapace.jvm.registry;

import io.karapace.jvm.schema.InvalidSchemaException;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.ReferencedSchema;
import io.karapace.jvm.schema.SchemaProvider;
import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.schema.SchemaReference;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Parses schemas with their references resolved against the registry state.
 * Call only inside {@link RegistryState#read}.
 */
final class SchemaResolver {
    private final RegistryState state;
    private final SchemaProviders providers;

    SchemaResolver(RegistryState state, SchemaProviders providers) {
        this.state = state;
        this.providers = providers;
    }

    SchemaType type(String name) {
        SchemaType type = SchemaType.parse(name).orElseThrow(
                () -> RegistryError.INVALID_SCHEMA.exception("Invalid schema type " + name));
        if (providers.get(type).isEmpty()) {
            throw RegistryError.INVALID_SCHEMA.exception("Invalid schema type " + name);
        }
        return type;
    }

    /** The references with version -1 replaced by the latest live version, as they are stored. */
    List<SchemaReference> concrete(List<SchemaReference> references) {
        return references.stream().map(ref -> {
            if (ref.version() != -1) {
                return ref;
            }
            VersionEntry latest = find(ref, true);
            return latest == null ? ref : new SchemaReference(ref.name(), ref.subject(), latest.version());
        }).toList();
    }

    /** Parses a schema a client sent; any problem is a 42201 with the reason. */
    ParsedSchema parseRequest(SchemaType type, SchemaRequest request, Validation validation) {
        if (request.schema() == null || request.schema().isBlank()) {
            throw RegistryError.INVALID_SCHEMA.exception("Empty schema");
        }
        try {
            return parse(type, request.schema(), request.references(), validation, true);
        } catch (InvalidSchemaException e) {
            throw RegistryError.INVALID_SCHEMA.exception(
                    "Invalid schema " + request.schema() + " with refs " + request.references()
                            + " of type " + type + ", details: " + e.getMessage());
        }
    }

    /** The parsed form of a stored schema, computed once and cached. */
    ParsedSchema parsed(StoredSchema stored) {
        ParsedSchema parsed = stored.parsed();
        if (parsed == null) {
            try {
                parsed = parse(stored.type(), stored.schema(), stored.references(), Validation.STORED, false);
            } catch (InvalidSchemaException | RegistryException e) {
                throw RegistryError.INVALID_SCHEMA.exception(
                        "Stored schema " + stored.id() + " cannot be parsed: " + e.getMessage());
            }
            stored.parsed(parsed);
        }
        return parsed;
    }

    private ParsedSchema parse(SchemaType type, String text, List<SchemaReference> references,
                               Validation validation, boolean requireLive) throws InvalidSchemaException {
        SchemaProvider provider = providers.get(type).orElseThrow(
                () -> new InvalidSchemaException("Invalid schema type " + type));
        Map<SchemaReference, ReferencedSchema> resolved = new LinkedHashMap<>();
        for (SchemaReference ref : references) {
            resolve(ref, resolved, new HashSet<>(), requireLive);
        }
        try {
            return provider.parse(text, new ArrayList<>(resolved.values()), validation);
        } catch (InvalidSchemaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidSchemaException(String.valueOf(e.getMessage()), e);
        }
    }

    private void resolve(SchemaReference ref, Map<SchemaReference, ReferencedSchema> resolved,
                         Set<SchemaReference> visiting, boolean requireLive) throws InvalidSchemaException {
        if (resolved.containsKey(ref)) {
            return;
        }
        if (!visiting.add(ref)) {
            throw new InvalidSchemaException("Circular reference to " + describe(ref));
        }
        VersionEntry entry = find(ref, requireLive);
        if (entry == null) {
            throw new InvalidSchemaException("Invalid reference " + describe(ref) + ": not found");
        }
        StoredSchema target = entry.schema();
        for (SchemaReference nested : target.references()) {
            resolve(nested, resolved, visiting, requireLive);
        }
        visiting.remove(ref);
        resolved.put(ref, new ReferencedSchema(ref, target.type(), target.schema(), target.references()));
    }

    private VersionEntry find(SchemaReference ref, boolean requireLive) {
        if (ref.subject() == null || ref.name() == null) {
            return null;
        }
        NavigableMap<Integer, VersionEntry> versions = state.versions(ref.subject());
        if (ref.version() == -1) {
            return versions.descendingMap().values().stream().filter(e -> !e.deleted()).findFirst().orElse(null);
        }
        VersionEntry entry = versions.get(ref.version());
        return entry == null || (requireLive && entry.deleted()) ? null : entry;
    }

    private static String describe(SchemaReference ref) {
        return "{name=" + ref.name() + ", subject=" + ref.subject() + ", version=" + ref.version() + "}";
    }
}
