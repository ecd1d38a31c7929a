package io.karapace.jvm.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code access_log}: one line per request on the logger {@code access}: method, path, route template,
 * status and the time until the answer was ready, e.g. {@code GET /subjects/a/versions
 * (/subjects/{subject}/versions) 200 1.2 ms}.
 */
@PreMatching
@Priority(1)
public final class AccessLog implements ContainerRequestFilter, ContainerResponseFilter {
    static final Logger LOG = LoggerFactory.getLogger("access");
    private static final String STARTED = AccessLog.class.getName() + ".started";

    private final LongSupplier nanoClock;

    public AccessLog(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, nanoClock.getAsLong());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Object started = request.getProperty(STARTED);
        double millis = started == null ? 0 : (nanoClock.getAsLong() - (Long) started) / 1e6;
        LOG.info("{} /{} ({}) {} {} ms", request.getMethod(), request.getUriInfo().getPath(false),
                RouteTemplate.of(request), response.getStatus(), String.format(Locale.ROOT, "%.1f", millis));
    }
}
