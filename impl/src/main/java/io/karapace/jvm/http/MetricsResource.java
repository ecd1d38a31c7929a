package io.karapace.jvm.http;

import io.karapace.jvm.api.registry.MetricsApi;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} (api-spec/schema-registry.yaml, tag Metrics): the Prometheus text of the process,
 * served by the registry and the REST proxy alike and open without credentials (API.md D.2).
 */
public final class MetricsResource implements MetricsApi {
    private final Supplier<String> scrape;

    public MetricsResource(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @Override
    public String getMetrics() {
        return scrape.get();
    }
}
