package io.karapace.jvm.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One parsed authfile: who may log in and what each user may do. Immutable. */
public record AuthRules(Map<String, AuthUser> users, List<Permission> permissions) {
    /** The resource name of the global config and mode. */
    public static final String CONFIG = "Config:";

    public AuthRules {
        users = Map.copyOf(users);
        permissions = List.copyOf(permissions);
    }

    public Optional<AuthUser> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** True when one of the user's entries grants the operation on the resource. */
    public boolean allows(String username, Operation operation, String resource) {
        return permissions.stream().anyMatch(p -> p.grants(username, operation, resource));
    }

    public static String subject(String name) {
        return "Subject:" + name;
    }
}
