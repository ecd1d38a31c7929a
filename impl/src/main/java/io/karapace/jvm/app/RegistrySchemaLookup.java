package io.karapace.jvm.app;

import io.karapace.jvm.proxy.ProxyError;
import io.karapace.jvm.proxy.SchemaLookup;
import io.karapace.jvm.registry.RegistryException;
import io.karapace.jvm.registry.RegistryService;
import io.karapace.jvm.registry.RegistryWrites;
import io.karapace.jvm.registry.WriteOrigin;
import io.karapace.jvm.registry.SchemaRequest;
import io.karapace.jvm.registry.VersionSpec;
import io.karapace.jvm.schema.ParsedSchema;
import io.karapace.jvm.schema.SchemaType;
import java.util.function.Supplier;

/**
 * The REST proxy's registry when both run in this process: calls go to {@link RegistryService} in
 * memory. The registry's refusals (invalid or incompatible schema, unknown id) become 42205; its
 * failures (Kafka store unavailable) 50001.
 */
final class RegistrySchemaLookup implements SchemaLookup {
    private final RegistryService registry;
    private final RegistryWrites writes;

    RegistrySchemaLookup(RegistryService registry, RegistryWrites writes) {
        this.registry = registry;
        this.writes = writes;
    }

    @Override
    public int register(String subject, SchemaType type, String schemaText) {
        SchemaRequest request = new SchemaRequest(schemaText, type.name(), null, null, null, null, null);
        return translated(() -> writes.register(subject, request, false, WriteOrigin.INTERNAL));
    }

    @Override
    public ParsedSchema schemaById(int id) {
        return translated(() -> registry.parsedSchema(id));
    }

    @Override
    public int idOfVersion(String subject, Integer version) {
        return translated(() -> registry.version(subject,
                version == null ? VersionSpec.LATEST : VersionSpec.parse(version.toString()), false).id());
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
