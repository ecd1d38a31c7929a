package io.karapace.jvm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.testing.TestPki;
import io.karapace.jvm.tls.ServerTls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS as Karapace serves it (API.md D.1 server_tls_*; Karapace's src/karapace/core/config.py builds an
 * SSLContext from server_tls_certfile/keyfile and, with server_tls_cafile, CERT_OPTIONAL / CERT_REQUIRED
 * for server_tls_client_auth optional / required). Certificates are made by the test.
 */
class HttpsServerTest {
    @TempDir
    static java.nio.file.Path dir;
    static TestPki pki;
    static TestPki.Issued server;

    @Path("/")
    @Produces("text/plain")
    public static final class Hello {
        @GET
        @Path("hello")
        public String hello() {
            return "hello";
        }
    }

    @BeforeAll
    static void makeCertificates() {
        pki = TestPki.create(dir, "HttpsServerTest CA");
        server = pki.issue("127.0.0.1");
    }

    @Test
    void servesHttpsToAClientTrustingTheCa() throws Exception {
        try (HttpServer http = start(tls(server, null, "none"))) {
            HttpResponse<String> answer = get(client(pki.clientContext(null)), "https", http.port());
            assertEquals(200, answer.statusCode());
            assertEquals("hello", answer.body());
        }
    }

    @Test
    void plainHttpToTheTlsPortFailsWithoutAnAnswer() {
        try (HttpServer http = start(tls(server, null, "none"))) {
            // the port speaks TLS only: a plain request gets no HTTP answer, the connection just ends
            assertThrows(IOException.class, () -> get(client(null), "http", http.port()));
        }
    }

    @Test
    void requiredClientAuthRejectsAClientWithoutCertificateAndAcceptsOneSignedByTheCa() throws Exception {
        try (HttpServer http = start(tls(server, pki.caFile(), "required"))) {
            assertThrows(IOException.class, () -> get(client(pki.clientContext(null)), "https", http.port()));
            TestPki stranger = TestPki.create(dir.resolve("stranger"), "Stranger CA");
            TestPki.Issued foreign = stranger.issue("foreign-client");
            SSLContext foreignClient = pki.clientContext(foreign);
            assertThrows(IOException.class, () -> get(client(foreignClient), "https", http.port()));
            HttpResponse<String> answer = get(client(pki.clientContext(pki.issue("client"))), "https", http.port());
            assertEquals("hello", answer.body());
        }
    }

    @Test
    void optionalClientAuthAcceptsClientsWithAndWithoutCertificate() throws Exception {
        try (HttpServer http = start(tls(server, pki.caFile(), "optional"))) {
            assertEquals(200, get(client(pki.clientContext(null)), "https", http.port()).statusCode());
            assertEquals(200, get(client(pki.clientContext(pki.issue("client"))), "https", http.port()).statusCode());
        }
    }

    @Test
    void theConfiguredCertificateIsServedEvenWhenExpiredAndAVerifyingClientRejectsIt() {
        Instant now = Instant.now();
        TestPki.Issued expired = pki.issue("127.0.0.1", TestPki.rsa(), now.minus(Duration.ofDays(3)),
                now.minus(Duration.ofDays(1)));
        try (HttpServer http = start(tls(expired, null, "none"))) {
            IOException failure = assertThrows(IOException.class,
                    () -> get(client(pki.clientContext(null)), "https", http.port()));
            assertTrue(causes(failure).anyMatch(c -> c instanceof java.security.cert.CertificateExpiredException),
                    "rejected for expiry: " + failure);
        }
    }

    private static java.util.stream.Stream<Throwable> causes(Throwable failure) {
        return java.util.stream.Stream.iterate(failure, c -> c != null, Throwable::getCause);
    }

    private static ServerTls tls(TestPki.Issued cert, java.nio.file.Path ca, String clientAuth) {
        return ServerTls.from(new ServerTls.Settings(pki.certFile(cert).toString(), pki.pkcs8KeyFile(cert).toString(),
                null, ca == null ? null : ca.toString(), clientAuth)).orElseThrow();
    }

    private static HttpServer start(ServerTls tls) {
        return HttpServer.start("127.0.0.1", 0, 1024, List.of(new Hello()), tls);
    }

    private static HttpClient client(SSLContext context) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        return context == null ? builder.build() : builder.sslContext(context).build();
    }

    private static HttpResponse<String> get(HttpClient client, String scheme, int port)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/hello"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
