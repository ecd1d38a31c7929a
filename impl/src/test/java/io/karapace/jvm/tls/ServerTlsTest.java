package io.karapace.jvm.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karapace.jvm.config.ConfigException;
import io.karapace.jvm.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server_tls_* settings (API.md D.1: "HTTPS; client auth none, optional, required (required needs
 * cafile)"); issue 11: a set-but-unusable security setting stops startup with one line naming the key.
 */
class ServerTlsTest {
    private static final String PASSWORD = "s3cret-Pa55";

    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki.Issued server;

    @BeforeAll
    static void makeCertificates() {
        pki = TestPki.create(dir, "ServerTlsTest CA");
        server = pki.issue("server");
    }

    @Test
    void plainHttpWhenNothingIsSet() {
        assertTrue(ServerTls.from(settings(null, null, null, null, "none")).isEmpty());
    }

    @Test
    void pkcs8Pkcs1EcAndEncryptedKeysAllServe() {
        for (Path key : new Path[] {pki.pkcs8KeyFile(server), pki.traditionalKeyFile(server)}) {
            assertEquals(ServerTls.ClientAuth.NONE, tls(key, null).clientAuth());
        }
        TestPki.Issued ec = pki.issue("ec-server", TestPki.ec(), java.time.Instant.now().minusSeconds(60),
                java.time.Instant.now().plusSeconds(3600));
        assertEquals("CN=ec-server", ServerTls.from(settings(pki.certFile(ec), pki.traditionalKeyFile(ec), null, null,
                "none")).orElseThrow().certificate().getSubjectX500Principal().getName());
        assertFalse(tls(pki.encryptedPkcs8KeyFile(server, PASSWORD), PASSWORD).context().getProtocol().isEmpty());
        assertFalse(tls(pki.encryptedTraditionalKeyFile(server, PASSWORD), PASSWORD).context().getProtocol().isEmpty());
    }

    @Test
    void wrongKeyPasswordIsRefusedWithoutShowingIt() {
        for (Path key : new Path[] {pki.encryptedPkcs8KeyFile(server, PASSWORD),
                pki.encryptedTraditionalKeyFile(server, PASSWORD)}) {
            String line = refusal(settings(pki.certFile(server), key, "wrong-one", null, "none"));
            assertTrue(line.startsWith("server_tls_keyfile_password does not decrypt the private key"), line);
            assertFalse(line.contains("wrong-one") || line.contains(PASSWORD), line);
        }
    }

    @Test
    void encryptedKeyWithoutPasswordIsRefused() {
        String line = refusal(settings(pki.certFile(server), pki.encryptedPkcs8KeyFile(server, PASSWORD), null, null,
                "none"));
        assertTrue(line.contains("holds an encrypted private key but server_tls_keyfile_password is not set"), line);
    }

    @Test
    void onlyOneOfCertificateAndKeyIsRefused() {
        assertEquals("server_tls_certfile and server_tls_keyfile must be set together; only server_tls_certfile is set",
                refusal(settings(pki.certFile(server), null, null, null, "none")));
        assertEquals("server_tls_certfile and server_tls_keyfile must be set together; only server_tls_keyfile is set",
                refusal(settings(null, pki.pkcs8KeyFile(server), null, null, "none")));
    }

    @Test
    void missingFilesAreRefused() {
        Path missing = dir.resolve("nope.pem");
        assertEquals("server_tls_certfile " + missing + " does not exist",
                refusal(settings(missing, pki.pkcs8KeyFile(server), null, null, "none")));
        assertEquals("server_tls_keyfile " + missing + " does not exist",
                refusal(settings(pki.certFile(server), missing, null, null, "none")));
        assertEquals("server_tls_cafile " + missing + " does not exist",
                refusal(settings(pki.certFile(server), pki.pkcs8KeyFile(server), null, missing, "required")));
    }

    @Test
    void filesThatDoNotParseAreRefused() {
        Path garbage = pki.write("garbage.pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        Path empty = pki.write("empty.pem", "hello\n");
        assertTrue(refusal(settings(garbage, pki.pkcs8KeyFile(server), null, null, "none"))
                .startsWith("server_tls_certfile " + garbage + " does not hold PEM certificates"));
        assertEquals("server_tls_certfile " + empty + " holds no PEM certificate (BEGIN CERTIFICATE)",
                refusal(settings(empty, pki.pkcs8KeyFile(server), null, null, "none")));
        // a certificate where the key should be
        assertTrue(refusal(settings(pki.certFile(server), pki.certFile(server), null, null, "none"))
                .startsWith("server_tls_keyfile " ), "no key in a certificate file");
    }

    @Test
    void keyOfAnotherCertificateIsRefused() {
        TestPki.Issued other = pki.issue("other");
        assertEquals("server_tls_keyfile does not match the certificate in server_tls_certfile (the key is not the"
                + " certificate's private key)", refusal(settings(pki.certFile(server), pki.pkcs8KeyFile(other), null,
                null, "none")));
    }

    @Test
    void clientAuthWithoutCaIsRefused() {
        for (String mode : new String[] {"required", "optional"}) {
            assertEquals("server_tls_client_auth=" + mode + " needs server_tls_cafile, the CA that client"
                    + " certificates must be signed by",
                    refusal(settings(pki.certFile(server), pki.pkcs8KeyFile(server), null, null, mode)));
        }
    }

    @Test
    void tlsOnlySettingsWithoutCertificateAreRefused() {
        assertTrue(refusal(settings(null, null, PASSWORD, null, "none"))
                .startsWith("server_tls_keyfile_password is set but HTTPS is off"));
        assertTrue(refusal(settings(null, null, null, pki.caFile(), "none"))
                .startsWith("server_tls_cafile is set but HTTPS is off"));
        assertTrue(refusal(settings(null, null, null, null, "required"))
                .startsWith("server_tls_client_auth is set but HTTPS is off"));
    }

    private static ServerTls tls(Path key, String password) {
        return ServerTls.from(settings(pki.certFile(server), key, password, null, "none")).orElseThrow();
    }

    private static ServerTls.Settings settings(Path cert, Path key, String password, Path ca, String clientAuth) {
        return new ServerTls.Settings(cert == null ? null : cert.toString(), key == null ? null : key.toString(),
                password, ca == null ? null : ca.toString(), clientAuth);
    }

    private static String refusal(ServerTls.Settings settings) {
        String message = assertThrows(ConfigException.class, () -> ServerTls.from(settings)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }
}
