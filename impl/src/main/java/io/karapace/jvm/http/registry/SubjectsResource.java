package io.karapace.jvm.http.registry;

import io.karapace.jvm.api.registry.SubjectsApi;
import io.karapace.jvm.api.registry.model.RegisterSchemaRequest;
import io.karapace.jvm.api.registry.model.RegisterSchemaResponse;
import io.karapace.jvm.api.registry.model.SubjectSchema;
import io.karapace.jvm.http.auth.AccessContext;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.registry.RegistryWrites;
import io.karapace.jvm.registry.VersionSpec;
import io.karapace.jvm.registry.WriteOrigin;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

public final class SubjectsResource implements SubjectsApi {
    private final RegistryService registry;
    private final RegistryWrites writes;
    @Context
    private HttpHeaders headers;
    /** The caller, when an authfile is in force: lists show only the subjects it may read. */
    @Context
    private SecurityContext caller;

    public SubjectsResource(RegistryService registry, RegistryWrites writes) {
        this.registry = registry;
        this.writes = writes;
    }

    private WriteOrigin origin() {
        return WriteOrigin.from(headers::getHeaderString);
    }

    @Override
    public List<String> getSubjects(String subjectPrefix, Boolean deleted, Boolean deletedOnly,
                                    Integer offset, Integer limit) {
        List<String> subjects = registry.subjects(subjectPrefix, deleted, deletedOnly).stream()
                .filter(AccessContext.readableSubjects(caller)).toList();
        return RegistryModels.page(subjects, offset, limit);
    }

    @Override
    public List<Integer> getVersions(String subject, Boolean deleted, Boolean deletedOnly,
                                     Integer offset, Integer limit) {
        return RegistryModels.page(registry.versions(subject, deleted, deletedOnly), offset, limit);
    }

    @Override
    public RegisterSchemaResponse register(String subject, RegisterSchemaRequest body, Boolean normalize,
                                           String format) {
        return new RegisterSchemaResponse()
                .id(writes.register(subject, RegistryModels.request(body), normalize, origin()));
    }

    @Override
    public SubjectSchema lookUpSchemaUnderSubject(String subject, RegisterSchemaRequest body, Boolean normalize,
                                                  Boolean deleted, String format) {
        return RegistryModels.subjectSchema(registry,
                registry.lookup(subject, RegistryModels.request(body), normalize, deleted), format);
    }

    @Override
    public SubjectSchema getSchemaByVersion(String subject, String version, Boolean deleted, String format) {
        return RegistryModels.subjectSchema(registry,
                registry.version(subject, VersionSpec.parse(version), deleted), format);
    }

    @Override
    public String getRawSchemaByVersion(String subject, String version, Boolean deleted, String format) {
        return registry.render(registry.version(subject, VersionSpec.parse(version), deleted).schema(), format);
    }

    @Override
    public List<Integer> getReferencedBy(String subject, String version, Boolean deleted,
                                         Integer offset, Integer limit) {
        return RegistryModels.page(registry.referencedBy(subject, VersionSpec.parse(version)), offset, limit);
    }

    @Override
    public Integer deleteSchemaVersion(String subject, String version, Boolean permanent) {
        return writes.deleteVersion(subject, VersionSpec.parse(version), permanent, origin());
    }

    @Override
    public List<Integer> deleteSubject(String subject, Boolean permanent) {
        return writes.deleteSubject(subject, permanent, origin());
    }
}
