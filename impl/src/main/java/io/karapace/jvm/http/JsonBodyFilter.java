package io.karapace.jvm.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Old Confluent clients send JSON bodies as application/octet-stream, and curl users often send no
 * Content-Type at all; both are read as JSON, as Confluent does.
 */
@Provider
@PreMatching
public final class JsonBodyFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean untyped = type == null || type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                || type.isWildcardType();
        if (untyped && request.hasEntity()) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
