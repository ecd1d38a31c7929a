package io.karapace.jvm.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Grizzly + Jersey serving the given resources with the shared JSON, error and body handling. */
public final class HttpServer implements AutoCloseable {
    private final org.glassfish.grizzly.http.server.HttpServer server;

    private HttpServer(org.glassfish.grizzly.http.server.HttpServer server) {
        this.server = server;
    }

    public static HttpServer start(String host, int port, long maxBodyBytes, List<Object> resources) {
        ResourceConfig config = new ResourceConfig()
                .register(JacksonFeature.withoutExceptionMappers())
                .register(Json.class)
                .register(ErrorMapper.class)
                .register(JsonBodyFilter.class)
                .register(NegotiatedType.class)
                .register(new BodySizeLimit(maxBodyBytes))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        resources.forEach(config::register);
        String bindHost = host == null || host.isBlank() ? "0.0.0.0" : host;
        URI uri = URI.create("http://" + bindHost + ":" + port + "/");
        org.glassfish.grizzly.http.server.HttpServer server =
                GrizzlyHttpServerFactory.createHttpServer(uri, config, false);
        // REST proxy v2 reads committed offsets with a GET that has a JSON body; Grizzly answers 400 by default
        server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
        server.getServerConfiguration().getHttpHandlers().keySet().forEach(h -> h.setAllowEncodedSlash(true));
        NetworkListener listener = server.getListeners().iterator().next();
        listener.registerAddOn(new H2cUpgradeIgnorer());
        try {
            server.start();
        } catch (IOException e) {
            server.shutdownNow();
            throw new UncheckedIOException("Cannot listen on " + bindHost + ":" + port + ": " + e.getMessage(), e);
        }
        return new HttpServer(server);
    }

    public int port() {
        return server.getListeners().iterator().next().getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
