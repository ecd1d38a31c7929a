package io.karapace.jvm.tls;

import io.karapace.jvm.config.ConfigException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The HTTPS side of the server: the certificate and key it presents and, for mutual TLS, the CA its
 * clients' certificates must chain to. Built once at startup, so every unusable setting stops it.
 */
public record ServerTls(SSLContext context, ClientAuth clientAuth, X509Certificate certificate) {

    /** {@code server_tls_client_auth}. */
    public enum ClientAuth {
        NONE, OPTIONAL, REQUIRED;

        static ClientAuth parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /** The {@code server_tls_*} settings as given; null when unset. */
    public record Settings(String certfile, String keyfile, String keyfilePassword, String cafile,
                           String clientAuth) {
    }

    /** Empty when neither certificate nor key is set (plain HTTP) and nothing else asks for TLS. */
    public static Optional<ServerTls> from(Settings settings) {
        ClientAuth clientAuth = ClientAuth.parse(settings.clientAuth() == null ? "none" : settings.clientAuth());
        if (settings.certfile() == null && settings.keyfile() == null) {
            refuseTlsOnlyKeys(settings, clientAuth);
            return Optional.empty();
        }
        if (settings.certfile() == null || settings.keyfile() == null) {
            throw new ConfigException("server_tls_certfile and server_tls_keyfile must be set together; only "
                    + (settings.certfile() == null ? "server_tls_keyfile" : "server_tls_certfile") + " is set");
        }
        if (clientAuth != ClientAuth.NONE && settings.cafile() == null) {
            throw new ConfigException("server_tls_client_auth=" + clientAuth.name().toLowerCase(Locale.ROOT)
                    + " needs server_tls_cafile, the CA that client certificates must be signed by");
        }
        List<X509Certificate> chain = PemFiles.certificates(Path.of(settings.certfile()), "server_tls_certfile");
        PrivateKey key = PemFiles.privateKey(Path.of(settings.keyfile()), settings.keyfilePassword(),
                "server_tls_keyfile", "server_tls_keyfile_password");
        PemFiles.checkPair(key, chain.get(0), "server_tls_keyfile", "server_tls_certfile");
        TrustManager[] trust = settings.cafile() == null ? null
                : trustManagers(PemFiles.certificates(Path.of(settings.cafile()), "server_tls_cafile"));
        return Optional.of(new ServerTls(context(key, chain, trust), clientAuth, chain.get(0)));
    }

    /** Trust managers accepting exactly the given CA certificates (the JVM's default CAs are not added). */
    public static TrustManager[] trustManagers(List<X509Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build a trust store: " + e.getMessage(), e);
        }
    }

    private static void refuseTlsOnlyKeys(Settings settings, ClientAuth clientAuth) {
        String orphan = settings.keyfilePassword() != null ? "server_tls_keyfile_password"
                : settings.cafile() != null ? "server_tls_cafile"
                : clientAuth != ClientAuth.NONE ? "server_tls_client_auth" : null;
        if (orphan != null) {
            throw new ConfigException(orphan + " is set but HTTPS is off: set server_tls_certfile and"
                    + " server_tls_keyfile too, or remove " + orphan);
        }
    }

    private static SSLContext context(PrivateKey key, List<X509Certificate> chain, TrustManager[] trust) {
        try {
            char[] storePassword = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, storePassword, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, storePassword);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ConfigException("server_tls_keyfile cannot be used with server_tls_certfile: " + e.getMessage());
        }
    }
}
