package io.karapace.jvm.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS picks among equally weighted Accept entries in the client's order; Confluent's server
 * weights decide instead. Every plain JSON answer, errors included, gets the type {@link MediaTypes}
 * chooses for the API its path belongs to (registry or REST proxy); the proxy's embedded-format
 * answers (consumed records) keep the type they were written with.
 */
@Provider
public final class NegotiatedType implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaTypes api = MediaTypes.forPath(request.getUriInfo().getPath());
        if (response.hasEntity() && api.isServed(response.getMediaType())) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                    api.preferred(request.getHeaderString(HttpHeaders.ACCEPT)));
        }
    }
}
