package io.karapace.jvm.http.auth;

import io.karapace.jvm.auth.Access;
import io.karapace.jvm.auth.Principal;
import jakarta.ws.rs.core.SecurityContext;
import java.util.function.Predicate;

/** The request's authenticated user and rights, handed to resources the JAX-RS way. */
public final class AccessContext implements SecurityContext {
    private final Principal principal;
    private final Access access;
    private final boolean secure;

    AccessContext(Principal principal, Access access, boolean secure) {
        this.principal = principal;
        this.access = access;
        this.secure = secure;
    }

    /**
     * Which subjects a list answer may show: the caller's readable ones with an authfile, all without
     * (API.md D.2: list endpoints silently filter out unreadable subjects).
     */
    public static Predicate<String> readableSubjects(SecurityContext context) {
        // Singleton resources get a proxy of the request's context, never this class: ask its principal.
        return context != null && context.getUserPrincipal() instanceof Caller caller ? caller.access()::mayRead
                : subject -> true;
    }

    @Override
    public java.security.Principal getUserPrincipal() {
        return new Caller(principal.username(), access);
    }

    /** The JAX-RS principal of an authenticated request, carrying its rights. */
    record Caller(String username, Access access) implements java.security.Principal {
        @Override
        public String getName() {
            return username;
        }
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
