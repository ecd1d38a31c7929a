package io.karapace.jvm.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.glassfish.jersey.server.internal.process.MappableException;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Karapace's {@code karapace_exceptions_total{exception, where}} (Karapace 6.2.0 src/karapace/core/stats.py,
 * {@code unexpected_exception}): requests that ended in a 5xx because of an exception, by the exception's
 * class name (a bounded set) and {@code where="http"}. Domain errors mapped to their answers do not count.
 */
public final class UnexpectedErrorMeter implements ApplicationEventListener {
    static final String NAME = "karapace_exceptions";

    private final MeterRegistry registry;

    public UnexpectedErrorMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // only request events matter
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return event -> {
            if (event.getType() == RequestEvent.Type.FINISHED && event.getException() != null
                    && event.getContainerResponse() != null && event.getContainerResponse().getStatus() >= 500) {
                Throwable thrown = event.getException();
                // Jersey wraps what a resource throws before mapping it
                count(ErrorMapper.unwrapped(thrown instanceof MappableException && thrown.getCause() != null
                        ? thrown.getCause() : thrown));
            }
        };
    }

    private void count(Throwable failure) {
        Counter.builder(NAME).description("Unexpected exceptions while answering requests")
                .tag("exception", failure.getClass().getSimpleName()).tag("where", "http")
                .register(registry).increment();
    }
}
