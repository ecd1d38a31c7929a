package io.karapace.jvm.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The registry's media types, and the choice among them for answers Jersey does not negotiate. */
public final class MediaTypes {
    public static final String SCHEMA_REGISTRY_V1 = "application/vnd.schemaregistry.v1+json";
    public static final String SCHEMA_REGISTRY = "application/vnd.schemaregistry+json";
    public static final MediaType V1 = MediaType.valueOf(SCHEMA_REGISTRY_V1);
    private static final List<MediaType> SERVED = List.of(V1, MediaType.valueOf(SCHEMA_REGISTRY),
            MediaType.APPLICATION_JSON_TYPE);

    private MediaTypes() {
    }

    /** The served type the Accept header prefers, by the server's order; v1 when none matches. */
    public static MediaType preferred(HttpHeaders headers) {
        List<MediaType> accepted = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        for (MediaType wanted : accepted) {
            for (MediaType served : SERVED) {
                if (wanted.isCompatible(served)) {
                    return served;
                }
            }
        }
        return V1;
    }
}
