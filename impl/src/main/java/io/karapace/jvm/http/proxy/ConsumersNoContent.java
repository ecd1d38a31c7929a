package io.karapace.jvm.http.proxy;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Jersey answers 200 with no body when a {@code CompletionStage<Void>} completes; Confluent answers the
 * consumer endpoints that return nothing (subscribe, assign, seek, commit, delete) with 204.
 */
@Provider
public final class ConsumersNoContent implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean consumers = request.getUriInfo().getMatchedResources().stream()
                .anyMatch(ConsumersResource.class::isInstance);
        if (consumers && response.getStatus() == 200 && !response.hasEntity()) {
            response.setStatus(204);
        }
    }
}
