package io.karapace.jvm.tls;

import io.karapace.jvm.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the PEM files named by TLS settings: certificates, and private keys in every form OpenSSL
 * writes (PKCS#8 {@code BEGIN PRIVATE KEY}, PKCS#1 {@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC
 * PRIVATE KEY}, each possibly encrypted). Every failure is a {@link ConfigException} of one line naming
 * the setting; passwords never appear in messages.
 */
public final class PemFiles {
    /** Only decrypts keys (legacy PEM ciphers, PBES1/PBES2); never installed as a JVM-wide provider. */
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemFiles() {
    }

    /** The certificates of {@code file}, in file order; at least one. */
    public static List<X509Certificate> certificates(Path file, String key) {
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(reader(file, key))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certs.add(converter.getCertificate(holder));
                }
            }
        } catch (ConfigException e) {
            throw e;
        } catch (IOException | CertificateException | RuntimeException e) {
            throw unparsable(key, file, "PEM certificates", e);
        }
        if (certs.isEmpty()) {
            throw new ConfigException(key + " " + file + " holds no PEM certificate (BEGIN CERTIFICATE)");
        }
        return certs;
    }

    /**
     * The first private key of {@code file}; {@code password} (may be null) decrypts an encrypted key
     * and is named {@code passwordKey} in messages.
     */
    public static PrivateKey privateKey(Path file, String password, String key, String passwordKey) {
        try (PEMParser parser = new PEMParser(reader(file, key))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                PrivateKeyInfo info = keyInfo(item, password, file, key, passwordKey);
                if (info != null) {
                    return new JcaPEMKeyConverter().getPrivateKey(info);
                }
            }
        } catch (ConfigException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unparsable(key, file, "a PEM private key", e);
        }
        throw new ConfigException(key + " " + file + " holds no PEM private key (BEGIN PRIVATE KEY,"
                + " BEGIN RSA PRIVATE KEY, BEGIN EC PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)");
    }

    /** The key as unencrypted PKCS#8 PEM, the one key form every consumer of PEM reads. */
    public static String pkcs8Pem(PrivateKey key) {
        StringWriter out = new StringWriter().append("-----BEGIN PRIVATE KEY-----\n");
        out.append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()));
        return out.append("\n-----END PRIVATE KEY-----\n").toString();
    }

    /** Signs a random message with the key and verifies it with the certificate: they belong together. */
    public static void checkPair(PrivateKey key, X509Certificate cert, String keyKey, String certKey) {
        try {
            String algorithm = signatureAlgorithm(key);
            byte[] message = new byte[32];
            new SecureRandom().nextBytes(message);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey(cert));
            verifier.update(message);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // a key of another algorithm than the certificate's also lands here
        }
        throw new ConfigException(keyKey + " does not match the certificate in " + certKey
                + " (the key is not the certificate's private key)");
    }

    private static PrivateKeyInfo keyInfo(Object item, String password, Path file, String key, String passwordKey)
            throws IOException {
        if (item instanceof PrivateKeyInfo info) {
            return info;
        }
        if (item instanceof PEMKeyPair pair) {
            return pair.getPrivateKeyInfo();
        }
        if (item instanceof PEMEncryptedKeyPair encrypted) {
            char[] secret = requirePassword(password, file, key, passwordKey);
            try {
                return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(secret))
                        .getPrivateKeyInfo();
            } catch (IOException | RuntimeException e) {
                throw wrongPassword(passwordKey, key, file);
            }
        }
        if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            char[] secret = requirePassword(password, file, key, passwordKey);
            try {
                return encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(secret));
            } catch (Exception e) {
                throw wrongPassword(passwordKey, key, file);
            }
        }
        return null;
    }

    private static char[] requirePassword(String password, Path file, String key, String passwordKey) {
        if (password == null) {
            throw new ConfigException(key + " " + file + " holds an encrypted private key but " + passwordKey
                    + " is not set");
        }
        return password.toCharArray();
    }

    private static ConfigException wrongPassword(String passwordKey, String key, Path file) {
        return new ConfigException(passwordKey + " does not decrypt the private key in " + key + " " + file
                + " (wrong password)");
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
        };
    }

    private static PublicKey publicKey(X509Certificate cert) {
        return cert.getPublicKey();
    }

    private static Reader reader(Path file, String key) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new ConfigException(key + " " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException(key + " " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static ConfigException unparsable(String key, Path file, String what, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\R", " ");
        return new ConfigException(key + " " + file + " does not hold " + what + ": " + reason);
    }
}
