package io.karapace.jvm.http.registry;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * {@code /master_available} must never be answered from a cache: it changes with every election
 * (Karapace's master_availability router sets the same header).
 */
public final class NoStoreHeaders implements ContainerResponseFilter {
    static final String NO_STORE = "no-store, no-cache, must-revalidate";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.equals("master_available") || path.equals("/master_available")) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }
}
