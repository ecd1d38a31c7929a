package io.karapace.jvm.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karapace.jvm.api.registry.CompatibilityApi;
import io.karapace.jvm.api.registry.ConfigApi;
import io.karapace.jvm.api.registry.MetricsApi;
import io.karapace.jvm.api.registry.ModeApi;
import io.karapace.jvm.api.registry.SchemasApi;
import io.karapace.jvm.api.registry.ServerApi;
import io.karapace.jvm.api.registry.SubjectsApi;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every generated registry operation has its rule written down, and no rule names a vanished one. */
class OperationRulesTest {

    @Test
    void tableCoversExactlyTheGeneratedRegistryOperations() {
        Set<String> generated = Stream.of(SubjectsApi.class, SchemasApi.class, CompatibilityApi.class,
                        ConfigApi.class, ModeApi.class, ServerApi.class, MetricsApi.class)
                .flatMap(api -> Arrays.stream(api.getDeclaredMethods())).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(generated, new TreeSet<>(OperationRules.REGISTRY.keySet()));
    }

    /** API.md D.2: these need no authentication at all. */
    @Test
    // API.md D.2: "/schemas/types, /, /_health, /master_available, /metrics need no auth"
    void onlyHealthRootSchemaTypesMasterAvailableAndMetricsAreOpen() {
        Set<String> open = OperationRules.REGISTRY.entrySet().stream().filter(e -> e.getValue() == OperationRule.OPEN)
                .map(java.util.Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("getRoot", "postRoot", "getHealth", "getSchemaTypes",
                "getMasterAvailable", "getMetrics")), open);
    }

    @Test
    void unknownOperationsFailClosed() {
        assertEquals(OperationRule.AUTHENTICATED, OperationRules.registry("someFutureOperation"));
    }
}
