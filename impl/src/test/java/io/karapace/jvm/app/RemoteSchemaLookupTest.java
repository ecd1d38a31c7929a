package io.karapace.jvm.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.config.ConfigException;
import io.karapace.jvm.config.ConfigLoader;
import io.karapace.jvm.http.HttpServer;
import io.karapace.jvm.proxy.ProxyException;
import io.karapace.jvm.schema.SchemaProviders;
import io.karapace.jvm.schema.SchemaType;
import io.karapace.jvm.schema.avro.AvroSchemaProvider;
import io.karapace.jvm.testing.KafkaBroker;
import io.karapace.jvm.testing.TestPki;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST proxy's client of a remote registry (API.md D.1: registry_host / registry_port /
 * registry_scheme / registry_user / registry_password / registry_ca, "how REST reaches the registry";
 * Karapace's src/karapace/kafka_rest_apis/__init__.py builds its SchemaRegistryClient from them).
 */
class RemoteSchemaLookupTest {
    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @TempDir
    static java.nio.file.Path dir;

    private final SchemaProviders providers = new SchemaProviders(List.of(new AvroSchemaProvider()));

    @Test
    void reachesAnHttpsRegistryTrustingRegistryCaOnly() {
        TestPki pki = TestPki.create(dir, "RemoteSchemaLookupTest CA");
        TestPki.Issued cert = pki.issue("127.0.0.1");
        Map<String, String> env = Map.of("KARAPACE_PORT", "0", "KARAPACE_BOOTSTRAP_URI", KAFKA.bootstrapServers(),
                "KARAPACE_TOPIC_NAME", "_schemas_remote_lookup", "KARAPACE_KARAPACE_REST", "false",
                "KARAPACE_SERVER_TLS_CERTFILE", pki.certFile(cert).toString(),
                "KARAPACE_SERVER_TLS_KEYFILE", pki.pkcs8KeyFile(cert).toString(), "KARAPACE_LOG_LEVEL", "WARNING");
        try (KarapaceServer registry = KarapaceServer.start(ConfigLoader.load(Optional.empty(), env).config(),
                List.of())) {
            RemoteSchemaLookup trusting = new RemoteSchemaLookup(new RemoteSchemaLookup.Target("https", "127.0.0.1",
                    registry.port(), null, null, pki.caFile().toString()), providers);
            int id = trusting.register("remote-value", SchemaType.AVRO, "\"string\"");
            assertEquals(id, trusting.idOfVersion("remote-value", null));
            // without registry_ca the JVM's CAs do not know the test CA: the TLS handshake fails
            RemoteSchemaLookup untrusting = new RemoteSchemaLookup(new RemoteSchemaLookup.Target("https", "127.0.0.1",
                    registry.port(), null, null, null), providers);
            assertThrows(ProxyException.class, () -> untrusting.idOfVersion("remote-value", null));
        }
    }

    @Path("/subjects/{subject}/versions/{version}")
    @Produces("application/json")
    public static final class Recording {
        final AtomicReference<String> authorization = new AtomicReference<>();

        @GET
        public Response version(@HeaderParam("Authorization") String header) {
            authorization.set(header);
            return Response.status(404).entity("{\"error_code\":40401,\"message\":\"Subject not found.\"}").build();
        }
    }

    @Test
    void sendsRegistryUserAndPasswordAsBasicCredentials() {
        Recording recording = new Recording();
        try (HttpServer http = HttpServer.start("127.0.0.1", 0, 1024, List.of(recording))) {
            RemoteSchemaLookup lookup = new RemoteSchemaLookup(new RemoteSchemaLookup.Target("http", "127.0.0.1",
                    http.port(), "proxy", "pä:ss", null), providers);
            assertThrows(ProxyException.class, () -> lookup.idOfVersion("s", 1));
            // RFC 7617: base64 of user ":" password, UTF-8
            assertEquals("Basic cHJveHk6cMOkOnNz", recording.authorization.get());
        }
    }

    @Test
    void halfCredentialsAndACaForPlainHttpAreRefused() {
        assertEquals("registry_user and registry_password must be set together; only registry_user is set",
                assertThrows(ConfigException.class, () -> new RemoteSchemaLookup.Target("http", "h", 1, "u", null,
                        null)).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> new RemoteSchemaLookup.Target("http", "h", 1, null, null,
                "/ca.pem")).getMessage().startsWith("registry_ca is set but registry_scheme is http"));
        assertTrue(assertThrows(ConfigException.class, () -> new RemoteSchemaLookup(new RemoteSchemaLookup.Target(
                "https", "h", 1, null, null, dir.resolve("none.pem").toString()), providers)).getMessage()
                .endsWith("none.pem does not exist"));
    }
}
