package io.karapace.jvm.http;

import io.karapace.jvm.tls.ServerTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.LeaderFollowerNIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Grizzly + Jersey serving the given resources with the shared JSON, error and body handling. */
public final class HttpServer implements AutoCloseable {
    static final int CORE_THREADS = 4;
    static final int MAX_THREADS = 64;

    private final org.glassfish.grizzly.http.server.HttpServer server;
    private final Drain drain;

    private HttpServer(org.glassfish.grizzly.http.server.HttpServer server, Drain drain) {
        this.server = server;
        this.drain = drain;
    }

    public static HttpServer start(String host, int port, long maxBodyBytes, List<Object> resources) {
        return start(host, port, maxBodyBytes, resources, null);
    }

    /** {@code tls} null serves plain HTTP; otherwise only HTTPS is spoken on the port. */
    public static HttpServer start(String host, int port, long maxBodyBytes, List<Object> resources, ServerTls tls) {
        Drain drain = new Drain();
        ResourceConfig config = new ResourceConfig()
                .register(JacksonFeature.withoutExceptionMappers())
                .register(Json.class)
                .register(ErrorMapper.class)
                .register(JsonBodyFilter.class)
                .register(NegotiatedType.class)
                .register(new BodySizeLimit(maxBodyBytes))
                .register(StrictUtf8.class)
                .register(drain)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        resources.forEach(config::register);
        String bindHost = host == null || host.isBlank() ? "0.0.0.0" : host;
        URI uri = URI.create((tls == null ? "http" : "https") + "://" + bindHost + ":" + port + "/");
        org.glassfish.grizzly.http.server.HttpServer server = tls == null
                ? GrizzlyHttpServerFactory.createHttpServer(uri, config, false)
                : GrizzlyHttpServerFactory.createHttpServer(uri, config, true, engineConfigurator(tls), false);
        // REST proxy v2 reads committed offsets with a GET that has a JSON body; Grizzly answers 400 by default
        server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
        server.getServerConfiguration().getHttpHandlers().keySet().forEach(h -> h.setAllowEncodedSlash(true));
        server.getServerConfiguration().getMonitoringConfig().getWebServerConfig().addProbes(drain.probe);
        NetworkListener listener = server.getListeners().iterator().next();
        listener.registerAddOn(new H2cUpgradeIgnorer());
        // The thread that reads a request handles it, handing selection to another first: no hand-off per
        // request. Registry writes block until Kafka answers, so threads are kept to spare for the rest.
        listener.getTransport().setIOStrategy(LeaderFollowerNIOStrategy.getInstance());
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig().setPoolName("http-worker")
                .setCorePoolSize(CORE_THREADS).setMaxPoolSize(MAX_THREADS).setDaemon(false));
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("Cannot listen on " + bindHost + ":" + port + ": " + e.getMessage(), e);
        }
        return new HttpServer(server, drain);
    }

    private static SSLEngineConfigurator engineConfigurator(ServerTls tls) {
        return new SSLEngineConfigurator(tls.context(), false,
                tls.clientAuth() == ServerTls.ClientAuth.REQUIRED, tls.clientAuth() == ServerTls.ClientAuth.OPTIONAL);
    }

    public int port() {
        return server.getListeners().iterator().next().getPort();
    }

    /**
     * Stops accepting connections: the port is closed, a request on a connection kept alive is answered 503
     * (never accepted), the requests in flight go on.
     */
    public void stopAccepting() {
        drain.start();
        server.getListeners().forEach(listener -> listener.getTransport().unbindAll());
    }

    /**
     * Waits up to {@code timeout} until every request in flight has been answered, then closes every
     * connection. False if some had to be cut.
     */
    public boolean awaitRequestsInFlight(Duration timeout) {
        stopAccepting();
        try {
            return drain.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            server.shutdownNow();
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
