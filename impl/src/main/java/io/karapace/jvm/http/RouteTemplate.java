package io.karapace.jvm.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/** The route a request matched, as its template ({@code /subjects/{subject}/versions}): a bounded label. */
public final class RouteTemplate {
    /** Requests that matched no route (answered 404 or 405 by Jersey). */
    public static final String UNMATCHED = "unmatched";

    private RouteTemplate() {
    }

    public static String of(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo info) || info.getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = info.getMatchedTemplates();
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            if (!part.isEmpty() && !part.equals("/")) {
                path.append(part.startsWith("/") ? "" : "/").append(part);
            }
        }
        String route = path.toString().replaceAll("/{2,}", "/");
        if (route.length() > 1 && route.endsWith("/")) {
            route = route.substring(0, route.length() - 1);
        }
        return route.isEmpty() ? "/" : route;
    }
}
