package io.karapace.jvm.http.auth;

import io.karapace.jvm.auth.Access;
import io.karapace.jvm.auth.Authorizer;
import io.karapace.jvm.auth.CallerScope;
import io.karapace.jvm.auth.Principal;
import io.karapace.jvm.registry.RegistryError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Authentication and authorization of every request once {@code registry_authfile} is set, decided by
 * the matched generated operation ({@link OperationRules}), so no resource checks anything itself.
 * Answers as Karapace does (Karapace src/karapace/api/user.py, routers/errors.py,
 * kafka_rest_apis/authentication.py): 401 {@code {"message": "Unauthorized"}} with a Basic challenge
 * naming the registry or the REST proxy, 403 {@code {"message": "Forbidden"}} on {@code Config:}, and
 * the registry's own "not found" errors for subjects and schemas the caller may not see.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String REGISTRY_REALM = "Basic realm=\"Karapace Schema Registry\"";
    static final String PROXY_REALM = "Basic realm=\"Karapace REST Proxy\"";
    private static final String PROXY_API_PACKAGE = "io.karapace.jvm.api.proxy";
    private static final String REGISTRY_API_PACKAGE = "io.karapace.jvm.api.registry";

    private final Authorizer authorizer;
    private final IntFunction<List<String>> subjectsOfSchema;

    @Context
    private ResourceInfo resource;

    /** @param subjectsOfSchema every subject (deleted ones too) holding a schema id; throws when the id is unknown */
    public AuthFilter(Authorizer authorizer, IntFunction<List<String>> subjectsOfSchema) {
        this.authorizer = authorizer;
        this.subjectsOfSchema = subjectsOfSchema;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        CallerScope.leave();
        Class<?> api = generatedApi(resource.getResourceClass());
        boolean registry = api != null && api.getPackageName().equals(REGISTRY_API_PACKAGE);
        OperationRule rule = registry ? OperationRules.registry(resource.getResourceMethod().getName())
                : OperationRule.AUTHENTICATED;
        if (rule == OperationRule.OPEN) {
            return;
        }
        Optional<Principal> principal = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> authorizer.authenticate(c.username(), c.password()));
        if (principal.isEmpty()) {
            request.abortWith(unauthorized(isProxy(api) ? PROXY_REALM : REGISTRY_REALM));
            return;
        }
        Access access = authorizer.access(principal.get());
        request.setSecurityContext(new AccessContext(principal.get(), access,
                request.getSecurityContext() != null && request.getSecurityContext().isSecure()));
        CallerScope.enter(access, request.getHeaderString(HttpHeaders.AUTHORIZATION));
        authorize(rule, access, request);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CallerScope.leave();
    }

    private void authorize(OperationRule rule, Access access, ContainerRequestContext request) {
        switch (rule) {
            case SUBJECT_READ, SUBJECT_WRITE -> {
                String subject = request.getUriInfo().getPathParameters().getFirst("subject");
                boolean allowed = rule == OperationRule.SUBJECT_READ ? access.mayRead(subject) : access.mayWrite(subject);
                if (!allowed) {
                    throw RegistryError.SUBJECT_NOT_FOUND.exception(subject);
                }
            }
            case CONFIG_READ, CONFIG_WRITE -> {
                if (!(rule == OperationRule.CONFIG_READ ? access.mayReadConfig() : access.mayWriteConfig())) {
                    request.abortWith(message(Response.Status.FORBIDDEN, "Forbidden").build());
                }
            }
            case SCHEMA_READ -> authorizeSchema(access, request.getUriInfo().getPathParameters().getFirst("id"));
            default -> {
            }
        }
    }

    /** A schema is visible through any subject the caller may read (Karapace controller.py schemas_get). */
    private void authorizeSchema(Access access, String idText) {
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            return; // not an id: the resource answers as for any malformed path, revealing nothing
        }
        if (subjectsOfSchema.apply(id).stream().noneMatch(access::mayRead)) {
            throw RegistryError.SCHEMA_NOT_FOUND.exception(id);
        }
    }

    private static Response unauthorized(String challenge) {
        return message(Response.Status.UNAUTHORIZED, "Unauthorized").header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    private static Response.ResponseBuilder message(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("message", message));
    }

    private static boolean isProxy(Class<?> api) {
        return api != null && api.getPackageName().startsWith(PROXY_API_PACKAGE);
    }

    /** The generated interface a resource implements; null for a resource outside the specs. */
    private static Class<?> generatedApi(Class<?> resourceClass) {
        return Arrays.stream(resourceClass.getInterfaces())
                .filter(i -> i.getPackageName().startsWith("io.karapace.jvm.api.")).findFirst().orElse(null);
    }
}
