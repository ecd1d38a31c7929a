package io.karapace.jvm.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP metrics at the edge, for every resource alike (Karapace core/instrumentation/prometheus.py and
 * api/telemetry/metrics.py): {@code karapace_http_requests_total{method,path,status}},
 * {@code karapace_http_requests_in_progress{method,path}}, {@code karapace_http_requests_duration_seconds
 * {method,path}} (a histogram), and request and response sizes. {@code path} is the matched route
 * template ({@code /subjects/{subject}/versions}), never the raw path, and {@value RouteTemplate#UNMATCHED} for a
 * request no route matched; an unusual method counts as {@value #OTHER_METHOD}: no label is unbounded.
 * The request filter runs before authentication, so refused requests are counted too.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {
    static final String OTHER_METHOD = "other";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final String START = HttpMetricsFilter.class.getName() + ".start";
    private static final String LABELS = HttpMetricsFilter.class.getName() + ".labels";
    private static final String IN_PROGRESS = HttpMetricsFilter.class.getName() + ".inProgress";
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};
    private static final double[] SIZE_BUCKETS = {100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

    private record Labels(String method, String path) {
    }

    private final MeterRegistry registry;
    private final Map<Labels, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Labels labels = labels(request);
        request.setProperty(LABELS, labels);
        Object start = request.getProperty(START);
        if (start instanceof Long started) {
            Timer.builder("karapace.http.requests.duration").description("Request Duration for HTTP/TCP Protocol")
                    .tags("method", labels.method(), "path", labels.path())
                    .serviceLevelObjectives(LATENCY_BUCKETS).register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
        Counter.builder("karapace.http.requests").description("Total Request Count for HTTP/TCP Protocol")
                .tags("method", labels.method(), "path", labels.path(), "status",
                        Integer.toString(response.getStatus()))
                .register(registry).increment();
        size("karapace.http.request.size", "Request body bytes (Content-Length)", labels)
                .record(Math.max(0, request.getLength()));
        if (!response.hasEntity()) {
            size("karapace.http.response.size", "Response body bytes", labels).record(0);
        }
        if (request.getProperty(IN_PROGRESS) instanceof Labels counted) {
            request.removeProperty(IN_PROGRESS);
            inProgress(counted).decrementAndGet();
        }
    }

    /** Counts the bytes of every response body as it is written. */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        CountingStream counting = new CountingStream(context.getOutputStream());
        context.setOutputStream(counting);
        try {
            context.proceed();
        } finally {
            Object labels = context.getProperty(LABELS);
            if (labels instanceof Labels known) {
                size("karapace.http.response.size", "Response body bytes", known).record(counting.count);
            }
        }
    }

    /** The in-progress part, which needs the matched route: registered as a filter of its own, after matching. */
    public ContainerRequestFilter inProgressFilter() {
        return new InProgress();
    }

    @Priority(Priorities.AUTHENTICATION - 100)
    private final class InProgress implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            Labels labels = labels(request);
            request.setProperty(IN_PROGRESS, labels);
            inProgress(labels).incrementAndGet();
        }
    }

    private AtomicInteger inProgress(Labels labels) {
        return inProgress.computeIfAbsent(labels, key -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("karapace.http.requests.in.progress", count, AtomicInteger::get)
                    .description("In-progress requests for HTTP/TCP Protocol")
                    .tags("method", key.method(), "path", key.path()).strongReference(true).register(registry);
            return count;
        });
    }

    private DistributionSummary size(String name, String description, Labels labels) {
        return DistributionSummary.builder(name).description(description).baseUnit("bytes")
                .tags("method", labels.method(), "path", labels.path()).serviceLevelObjectives(SIZE_BUCKETS)
                .register(registry);
    }

    private static Labels labels(ContainerRequestContext request) {
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : OTHER_METHOD;
        return new Labels(method, RouteTemplate.of(request));
    }

    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
