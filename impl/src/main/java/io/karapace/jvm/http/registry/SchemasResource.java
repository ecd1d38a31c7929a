package io.karapace.jvm.http.registry;

import io.karapace.jvm.api.registry.SchemasApi;
import io.karapace.jvm.api.registry.model.SchemaString;
import io.karapace.jvm.api.registry.model.SubjectSchema;
import io.karapace.jvm.api.registry.model.SubjectVersion;
import io.karapace.jvm.http.auth.AccessContext;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.registry.StoredSchema;
import io.karapace.jvm.schema.SchemaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

public final class SchemasResource implements SchemasApi {
    private final RegistryService registry;
    /** The caller, when an authfile is in force: lists show only the subjects it may read. */
    @Context
    private SecurityContext caller;

    public SchemasResource(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public List<String> getSchemaTypes() {
        return registry.schemaTypes().stream().map(SchemaType::name).toList();
    }

    @Override
    public List<SubjectSchema> getSchemas(String subjectPrefix, Boolean deleted, Boolean latestOnly,
                                          Integer offset, Integer limit) {
        List<SubjectSchema> all = registry.schemas(subjectPrefix, deleted, latestOnly).stream()
                .filter(v -> AccessContext.readableSubjects(caller).test(v.subject()))
                .map(v -> RegistryModels.subjectSchema(registry, v, null)).toList();
        return RegistryModels.page(all, offset, limit);
    }

    @Override
    public SchemaString getSchemaById(Integer id, String subject, String format, Boolean fetchMaxId) {
        StoredSchema s = registry.schemaById(id);
        return new SchemaString()
                .schemaType(RegistryModels.typeName(s.type()))
                .schema(registry.render(s, format))
                .references(RegistryModels.references(s.references()))
                .metadata(RegistryModels.map(s.metadata()))
                .ruleSet(RegistryModels.map(s.ruleSet()))
                .maxId(fetchMaxId ? registry.maxId() : null);
    }

    @Override
    public String getRawSchemaById(Integer id, String subject, String format) {
        return registry.render(registry.schemaById(id), format);
    }

    @Override
    public List<String> getSubjectsBySchemaId(Integer id, String subject, Boolean deleted,
                                              Integer offset, Integer limit) {
        List<String> subjects = registry.subjectsById(id, deleted).stream()
                .filter(s -> subject == null || s.equals(subject))
                .filter(AccessContext.readableSubjects(caller)).toList();
        return RegistryModels.page(subjects, offset, limit);
    }

    @Override
    public List<SubjectVersion> getVersionsBySchemaId(Integer id, String subject, Boolean deleted,
                                                      Integer offset, Integer limit) {
        List<SubjectVersion> versions = registry.versionsById(id, deleted).stream()
                .filter(v -> subject == null || v.subject().equals(subject))
                .filter(v -> AccessContext.readableSubjects(caller).test(v.subject()))
                .map(v -> new SubjectVersion().subject(v.subject()).version(v.version())).toList();
        return RegistryModels.page(versions, offset, limit);
    }
}
