package io.karapace.jvm.http.proxy.v3;

import io.karapace.jvm.api.proxy.v3.model.V3CollectionMetadata;
import io.karapace.jvm.api.proxy.v3.model.V3Related;
import io.karapace.jvm.api.proxy.v3.model.V3ResourceMetadata;
import java.util.function.Supplier;

/**
 * Links and resource names of v3 answers: URLs start at the proxy's advertised base URL
 * ({@code rest_base_uri}, else advertised protocol, host and port); names are
 * {@code crn:///kafka=<cluster>/...}.
 */
public final class V3Links {
    private final Supplier<String> baseUrl;

    public V3Links(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The URL of a path below /v3/clusters/{cluster}; pass no parts for the cluster itself. */
    String url(String cluster, String... parts) {
        StringBuilder url = new StringBuilder(trimmedBase()).append("/v3/clusters/").append(cluster);
        for (String part : parts) {
            url.append('/').append(part);
        }
        return url.toString();
    }

    String clustersUrl() {
        return trimmedBase() + "/v3/clusters";
    }

    V3Related related(String url) {
        return new V3Related().related(url);
    }

    V3ResourceMetadata metadata(String self, String resourceName) {
        return new V3ResourceMetadata().self(self).resourceName(resourceName);
    }

    V3CollectionMetadata list(String self) {
        return new V3CollectionMetadata().self(self).next(null);
    }

    static String crn(String cluster, String... parts) {
        StringBuilder name = new StringBuilder("crn:///kafka=").append(cluster);
        for (String part : parts) {
            name.append('/').append(part);
        }
        return name.toString();
    }

    private String trimmedBase() {
        String base = baseUrl.get();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
