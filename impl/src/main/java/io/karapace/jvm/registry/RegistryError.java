package io.karapace.jvm.registry;

import java.util.HashSet;
import java.util.Set;

/**
 * Every error the registry answers with: HTTP status, Confluent's error_code and the message
 * template, in Confluent's wording (typos included: clients and scripts match on them).
 */
public enum RegistryError {
    SUBJECT_NOT_FOUND(404, 40401, "Subject '%s' not found."),
    VERSION_NOT_FOUND(404, 40402, "Version %s not found."),
    SCHEMA_NOT_FOUND(404, 40403, "Schema %s not found"),
    SCHEMA_NOT_FOUND_UNDER_SUBJECT(404, 40403, "Schema not found"),
    SUBJECT_SOFT_DELETED(404, 40404,
            "Subject '%s' was soft deleted.Set permanent=true to delete permanently"),
    SUBJECT_NOT_SOFT_DELETED(404, 40405,
            "Subject '%s' was not deleted first before being permanently deleted"),
    VERSION_SOFT_DELETED(404, 40406,
            "Subject '%s' Version %s was soft deleted.Set permanent=true to delete permanently"),
    VERSION_NOT_SOFT_DELETED(404, 40407,
            "Subject '%s' Version %s was not deleted first before being permanently deleted"),
    SUBJECT_COMPATIBILITY_NOT_CONFIGURED(404, 40408,
            "Subject '%s' does not have subject-level compatibility configured"),
    SUBJECT_MODE_NOT_CONFIGURED(404, 40409, "Subject '%s' does not have subject-level mode configured"),
    INCOMPATIBLE_SCHEMA(409, 409,
            "Schema being registered is incompatible with an earlier schema for subject \"%s\", details: %s"),
    INVALID_SCHEMA(422, 42201, "%s"),
    INVALID_VERSION(422, 42202, "The specified version '%s' is not a valid version id. "
            + "Allowed values are between [1, 2^31-1] and the string \"latest\""),
    INVALID_COMPATIBILITY_LEVEL(422, 42203, "Invalid compatibility level. Valid values are none, backward, "
            + "forward, full, backward_transitive, forward_transitive, and full_transitive"),
    INVALID_MODE(422, 42204, "Invalid mode. Valid values are READWRITE, READONLY, and IMPORT."),
    OPERATION_NOT_PERMITTED(422, 42205, "%s"),
    REFERENCE_EXISTS(422, 42206,
            "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=%s,version=%s}."),
    ID_DOES_NOT_MATCH(422, 42207, "The ID of an imported schema does not match the existing ID"),
    INVALID_SUBJECT(422, 42208, "The specified subject '%s' is not a valid."),
    SCHEMA_TOO_LARGE(422, 42209, "Register operation failed because schema is too large"),
    STORE_ERROR(500, 50001, "%s"),
    OPERATION_TIMEOUT(500, 50002, "%s"),
    FORWARDING_FAILED(500, 50003, "%s"),
    LEADER_UNKNOWN(500, 50004, "Leader not known."),
    NO_PRIMARY(500, 50004, "%s");

    public final int httpStatus;
    public final int errorCode;
    public final String template;

    RegistryError(int httpStatus, int errorCode, String template) {
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.template = template;
    }

    /** The error with this code (the first listed, for codes with several wordings); empty when unknown. */
    public static java.util.Optional<RegistryError> byCode(int errorCode) {
        for (RegistryError e : values()) {
            if (e.errorCode == errorCode) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    public RegistryException exception(Object... args) {
        return new RegistryException(this, String.format(template, args));
    }

    static {
        Set<String> seen = new HashSet<>();
        for (RegistryError e : values()) {
            if (!seen.add(e.errorCode + " " + e.template)) {
                throw new ExceptionInInitializerError("duplicate registry error " + e);
            }
        }
    }
}
