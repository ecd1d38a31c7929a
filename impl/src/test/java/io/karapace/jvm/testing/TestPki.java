package io.karapace.jvm.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority made when a test runs (nothing checked in that could expire):
 * issues server and client certificates and writes them and their keys as PEM in the forms OpenSSL
 * writes (PKCS#8, PKCS#1, EC, encrypted or not).
 */
public final class TestPki {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A key pair and the certificate of its public key. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private final Path dir;
    private final Issued ca;

    private TestPki(Path dir, Issued ca) {
        this.dir = dir;
        this.ca = ca;
    }

    public static TestPki create(Path dir, String caName) {
        KeyPair keys = rsa();
        Instant now = Instant.now();
        X509Certificate cert = build(new X500Name("CN=" + caName), new X500Name("CN=" + caName), keys, keys,
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)), true, null);
        return new TestPki(dir, new Issued(keys, cert));
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** A certificate for 127.0.0.1 and localhost, valid from an hour ago for two days. */
    public Issued issue(String commonName) {
        Instant now = Instant.now();
        return issue(commonName, rsa(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)));
    }

    public Issued issue(String commonName, KeyPair keys, Instant notBefore, Instant notAfter) {
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")});
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        X509Certificate cert = build(issuer, new X500Name("CN=" + commonName), keys, ca.keys(), notBefore, notAfter,
                false, names);
        return new Issued(keys, cert);
    }

    public static KeyPair rsa() {
        return generate("RSA", 2048);
    }

    /** Made by Bouncy Castle so that its SEC1 form names the curve, as OpenSSL's {@code ecparam -genkey} does. */
    public static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CA certificate as a PEM file. */
    public Path caFile() {
        return write("ca-" + SERIALS.incrementAndGet() + ".pem", pem(ca.certificate()));
    }

    public Path certFile(Issued issued) {
        return write("cert-" + SERIALS.incrementAndGet() + ".pem", pem(issued.certificate()));
    }

    /** {@code BEGIN PRIVATE KEY}. */
    public Path pkcs8KeyFile(Issued issued) {
        try {
            return write("key-" + SERIALS.incrementAndGet() + ".pem",
                    pem(new JcaPKCS8Generator(issued.keys().getPrivate(), null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code BEGIN RSA PRIVATE KEY} / {@code BEGIN EC PRIVATE KEY} (OpenSSL's "traditional" form). */
    public Path traditionalKeyFile(Issued issued) {
        return write("key-" + SERIALS.incrementAndGet() + ".pem", pem(issued.keys().getPrivate()));
    }

    /** {@code BEGIN ENCRYPTED PRIVATE KEY}: PKCS#8 with PBES2 / AES-256-CBC, as {@code openssl pkcs8 -topk8}. */
    public Path encryptedPkcs8KeyFile(Issued issued, String password) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC)
                    .setPassword(password.toCharArray()).build();
            return write("key-" + SERIALS.incrementAndGet() + ".pem",
                    pem(new JcaPKCS8Generator(issued.keys().getPrivate(), encryptor)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code BEGIN RSA PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED} (as {@code openssl rsa -aes256}). */
    public Path encryptedTraditionalKeyFile(Issued issued, String password) {
        var encryptor = new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build(password.toCharArray());
        try {
            return write("key-" + SERIALS.incrementAndGet() + ".pem",
                    pem(new JcaMiscPEMGenerator(issued.keys().getPrivate(), encryptor)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path write(String name, String content) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client context trusting only this CA, presenting {@code clientCert} when not null. */
    public SSLContext clientContext(Issued clientCert) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (clientCert != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", clientCert.keys().getPrivate(), new char[0],
                        new X509Certificate[] {clientCert.certificate()});
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (object instanceof org.bouncycastle.util.io.pem.PemObjectGenerator generator) {
                writer.writeObject(generator);
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static X509Certificate build(X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys,
                                         Instant notBefore, Instant notAfter, boolean isCa, GeneralNames names) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, names);
            }
            String algorithm = issuerKeys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size, new SecureRandom());
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
