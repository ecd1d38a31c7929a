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
        if (!(request.getUriInfo() instanceof ExtendedUriInfo info)) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = info.getMatchedTemplates();
        if (templates.isEmpty()) {
            return UNMATCHED;
        }
        StringBuilder route = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            if (!part.isEmpty() && !"/".equals(part)) {
                route.append(part.startsWith("/") ? "" : "/").append(part.endsWith("/")
                        ? part.substring(0, part.length() - 1) : part);
            }
        }
        return route.length() == 0 ? "/" : route.toString();
    }
}
