package io.karapace.jvm.app;

import io.karapace.jvm.auth.Access;
import io.karapace.jvm.auth.CallerScope;
import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.SchemaLookup;
import io.karapace.jvm.registry.RegistryError;
import io.karapace.jvm.registry.RegistryException;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.registry.RegistryWrites;
import io.karapace.jvm.registry.SchemaRequest;
import io.karapace.jvm.registry.VersionSpec;
import io.karapace.jvm.registry.WriteOrigin;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaType;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The REST proxy's registry when both run in this process: calls go to {@link RegistryService} in
 * memory. The registry's refusals (invalid or incompatible schema, unknown id) become 42205; its
 * failures (Kafka store unavailable) 50001. With an authfile the calls go through the same rules as HTTP
 * (API.md D.2) for the caller of the request being served ({@link CallerScope}): registering needs Write
 * on the subject, finding a version Read, a schema id Read on one of its subjects; a refusal answers as
 * if the subject or schema did not exist.
 */
final class RegistrySchemaLookup implements SchemaLookup {
    private final RegistryService registry;
    private final RegistryWrites writes;
    private final boolean checked;

    /** @param checked whether an authfile is in force, so that every call needs a caller allowed to make it */
    RegistrySchemaLookup(RegistryService registry, RegistryWrites writes, boolean checked) {
        this.registry = registry;
        this.writes = writes;
        this.checked = checked;
    }

    @Override
    public int register(String subject, SchemaType type, String schemaText) {
        SchemaRequest request = new SchemaRequest(schemaText, type.name(), null, null, null, null, null);
        return translated(() -> {
            requireSubject(subject, Access::mayWrite);
            // forwarded to the primary with the caller's credentials, which the primary checks again
            WriteOrigin origin = CallerScope.credentials()
                    .map(credentials -> new WriteOrigin(Map.of("authorization", credentials), false))
                    .orElse(WriteOrigin.INTERNAL);
            return writes.register(subject, request, false, origin);
        });
    }

    @Override
    public ParsedSchema schemaById(int id) {
        return translated(() -> {
            // Consumers decode on their own threads, outside any request: the consume request that
            // started the fetch was authenticated, and which records it may read is Kafka's to decide.
            CallerScope.current().filter(access -> checked).ifPresent(access -> {
                if (registry.subjectsById(id, true).stream().noneMatch(access::mayRead)) {
                    throw RegistryError.SCHEMA_NOT_FOUND.exception(id);
                }
            });
            return registry.parsedSchema(id);
        });
    }

    @Override
    public int idOfVersion(String subject, Integer version) {
        return translated(() -> {
            requireSubject(subject, Access::mayRead);
            return registry.version(subject,
                    version == null ? VersionSpec.LATEST : VersionSpec.parse(version.toString()), false).id();
        });
    }

    /** Fails closed: with an authfile, a call outside any request's scope is refused too. */
    private void requireSubject(String subject, BiPredicate<Access, String> allowed) {
        if (checked && !CallerScope.current().map(access -> allowed.test(access, subject)).orElse(false)) {
            throw RegistryError.SUBJECT_NOT_FOUND.exception(subject);
        }
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (RegistryException e) {
            ProxyError error = e.httpStatus() < 500 ? ProxyError.INVALID_SCHEMA : ProxyError.SCHEMA_REGISTRY_ERROR;
            throw error.exception(e.getMessage());
        }
    }
}
