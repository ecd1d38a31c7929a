package io.karapace.jvm.http.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.karapace.jvm.api.registry.model.RegisterSchemaRequest;
import io.karapace.jvm.api.registry.model.SchemaReference;
import io.karapace.jvm.api.registry.model.SubjectSchema;
import io.karapace.jvm.http.Json;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.registry.SchemaRequest;
import io.karapace.jvm.registry.SchemaVersion;
import io.karapace.jvm.registry.StoredSchema;
import io.karapace.jvm.schema.SchemaType;
import java.util.List;
import java.util.Map;

/** Translates between the generated wire models and the registry's domain types. */
final class RegistryModels {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private RegistryModels() {
    }

    static SchemaRequest request(RegisterSchemaRequest body) {
        if (body == null) {
            return SchemaRequest.of(null);
        }
        List<io.karapace.jvm.schema.SchemaReference> references = body.getReferences() == null ? List.of()
                : body.getReferences().stream().map(RegistryModels::reference).toList();
        return new SchemaRequest(body.getSchema(), body.getSchemaType(), references, node(body.getMetadata()),
                node(body.getRuleSet()), body.getVersion(), body.getId());
    }

    static SubjectSchema subjectSchema(RegistryService registry, SchemaVersion v, String format) {
        StoredSchema s = v.schema();
        return new SubjectSchema()
                .subject(v.subject())
                .version(v.version())
                .id(s.id())
                .schemaType(typeName(s.type()))
                .references(references(s.references()))
                .metadata(map(s.metadata()))
                .ruleSet(map(s.ruleSet()))
                .schema(registry.render(s, format));
    }

    static String typeName(SchemaType type) {
        return type == SchemaType.AVRO ? null : type.name();
    }

    static List<SchemaReference> references(List<io.karapace.jvm.schema.SchemaReference> refs) {
        return refs.isEmpty() ? null : refs.stream()
                .map(r -> new SchemaReference().name(r.name()).subject(r.subject()).version(r.version()))
                .toList();
    }

    static Map<String, Object> map(ObjectNode node) {
        return node == null ? null : Json.MAPPER.convertValue(node, MAP);
    }

    static ObjectNode node(Object value) {
        return value == null ? null : Json.MAPPER.valueToTree(value);
    }

    static <T> List<T> page(List<T> items, Integer offset, Integer limit) {
        int from = Math.min(Math.max(offset == null ? 0 : offset, 0), items.size());
        int to = limit == null || limit < 0 ? items.size() : Math.min(items.size(), from + limit);
        return items.subList(from, to);
    }

    private static io.karapace.jvm.schema.SchemaReference reference(SchemaReference r) {
        return new io.karapace.jvm.schema.SchemaReference(r.getName(), r.getSubject(),
                r.getVersion() == null ? -1 : r.getVersion());
    }
}
