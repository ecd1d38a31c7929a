package io.karapace.jvm.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS picks among equally weighted Accept entries in the client's order; Confluent's server
 * weights decide instead. Every JSON answer, errors included, gets the type {@link MediaTypes} chooses.
 */
@Provider
public final class NegotiatedType implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.hasEntity() && MediaTypes.isServed(response.getMediaType())) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                    MediaTypes.preferred(request.getHeaderString(HttpHeaders.ACCEPT)));
        }
    }
}
