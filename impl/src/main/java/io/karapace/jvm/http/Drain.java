package io.karapace.jvm.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;

/**
 * The graceful stop of the HTTP side. Grizzly counts requests from their arrival until their answer is
 * written; once draining, a request arriving on a connection kept alive is refused with 503 in the JSON
 * error shape (so the client knows it was never accepted) and every answer closes its connection.
 */
@PreMatching
@Priority(0)
final class Drain implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Duration POLL = Duration.ofMillis(10);

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    final HttpServerProbe probe = new HttpServerProbe.Adapter() {
        @Override
        public void onRequestReceiveEvent(HttpServerFilter filter, Connection connection, Request request) {
            inFlight.incrementAndGet();
        }

        @Override
        public void onRequestCompleteEvent(HttpServerFilter filter, Connection connection,
                                           org.glassfish.grizzly.http.server.Response response) {
            inFlight.decrementAndGet();
        }
    };

    void start() {
        draining = true;
    }

    /** True once no request is in flight, false if {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (draining) {
            request.abortWith(ErrorMapper.error(503, 503, "Service Unavailable: the server is stopping"));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (draining) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
