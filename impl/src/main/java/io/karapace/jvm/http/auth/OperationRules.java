package io.karapace.jvm.http.auth;

import static io.karapace.jvm.http.auth.OperationRule.AUTHENTICATED;
import static io.karapace.jvm.http.auth.OperationRule.CONFIG_READ;
import static io.karapace.jvm.http.auth.OperationRule.CONFIG_WRITE;
import static io.karapace.jvm.http.auth.OperationRule.OPEN;
import static io.karapace.jvm.http.auth.OperationRule.SCHEMA_READ;
import static io.karapace.jvm.http.auth.OperationRule.SUBJECT_READ;
import static io.karapace.jvm.http.auth.OperationRule.SUBJECT_WRITE;

import java.util.Map;
import java.util.Optional;

/**
 * The rule of every Schema Registry operation, keyed by its operationId in api-spec/schema-registry.yaml
 * (the method name of the generated interface). From API.md D.2 and Karapace's routers (src/karapace/api/
 * routers/*.py): reads and compatibility checks need Read on the subject, writes and deletes Write;
 * global config and mode need Config:. Subject-level mode follows subject-level config.
 */
final class OperationRules {
    static final Map<String, OperationRule> REGISTRY = Map.ofEntries(
            Map.entry("getRoot", OPEN),
            Map.entry("postRoot", OPEN),
            Map.entry("getHealth", OPEN),
            Map.entry("getMasterAvailable", OPEN),
            Map.entry("getMetrics", OPEN),
            Map.entry("getSchemaTypes", OPEN),
            Map.entry("getContexts", AUTHENTICATED),
            Map.entry("getClusterId", AUTHENTICATED),
            Map.entry("getServerVersion", AUTHENTICATED),
            Map.entry("getSchemas", AUTHENTICATED),
            Map.entry("getSubjects", AUTHENTICATED),
            Map.entry("getSubjectsBySchemaId", AUTHENTICATED),
            Map.entry("getVersionsBySchemaId", AUTHENTICATED),
            Map.entry("getSchemaById", SCHEMA_READ),
            Map.entry("getRawSchemaById", SCHEMA_READ),
            Map.entry("lookUpSchemaUnderSubject", SUBJECT_READ),
            Map.entry("getVersions", SUBJECT_READ),
            Map.entry("getSchemaByVersion", SUBJECT_READ),
            Map.entry("getRawSchemaByVersion", SUBJECT_READ),
            Map.entry("getReferencedBy", SUBJECT_READ),
            Map.entry("testCompatibilityBySubjectVersion", SUBJECT_READ),
            Map.entry("testCompatibilityForSubject", SUBJECT_READ),
            Map.entry("register", SUBJECT_WRITE),
            Map.entry("deleteSubject", SUBJECT_WRITE),
            Map.entry("deleteSchemaVersion", SUBJECT_WRITE),
            Map.entry("getTopLevelConfig", CONFIG_READ),
            Map.entry("updateTopLevelConfig", CONFIG_WRITE),
            Map.entry("deleteTopLevelConfig", CONFIG_WRITE),
            Map.entry("getSubjectLevelConfig", SUBJECT_READ),
            Map.entry("updateSubjectLevelConfig", SUBJECT_WRITE),
            Map.entry("deleteSubjectConfig", SUBJECT_WRITE),
            Map.entry("getTopLevelMode", CONFIG_READ),
            Map.entry("updateTopLevelMode", CONFIG_WRITE),
            Map.entry("deleteTopLevelMode", CONFIG_WRITE),
            Map.entry("getSubjectMode", SUBJECT_READ),
            Map.entry("updateSubjectMode", SUBJECT_WRITE),
            Map.entry("deleteSubjectMode", SUBJECT_WRITE));

    private OperationRules() {
    }

    /**
     * The rule of a registry operation; an operation missing from the table (added to the spec later)
     * still needs a known user: the table fails closed.
     */
    static OperationRule registry(String operationId) {
        return Optional.ofNullable(REGISTRY.get(operationId)).orElse(AUTHENTICATED);
    }
}
