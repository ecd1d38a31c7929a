package io.karapace.jvm.schema;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The providers this registry serves, by type. */
public final class SchemaProviders {
    private final Map<SchemaType, SchemaProvider> byType = new EnumMap<>(SchemaType.class);

    public SchemaProviders(List<SchemaProvider> providers) {
        providers.forEach(p -> byType.put(p.type(), p));
    }

    public Optional<SchemaProvider> get(SchemaType type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Set<SchemaType> types() {
        return byType.keySet();
    }
}
