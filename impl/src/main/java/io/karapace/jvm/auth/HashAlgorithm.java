package io.karapace.jvm.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Password hashes of Karapace's authfile (Karapace 3.9.0 karapace/auth.py hash_password): PBKDF2-HMAC
 * with 5000 iterations, or scrypt with N=16384, r=8, p=1; password and salt as UTF-8; the result base64.
 * Key lengths are Python's defaults: the digest size for PBKDF2, 64 bytes for scrypt.
 */
public enum HashAlgorithm {
    SHA1("sha1", SHA1Digest::new),
    SHA256("sha256", SHA256Digest::new),
    SHA512("sha512", SHA512Digest::new),
    SCRYPT("scrypt", null);

    static final int PBKDF2_ITERATIONS = 5000;
    static final int SCRYPT_N = 16384;
    static final int SCRYPT_R = 8;
    static final int SCRYPT_P = 1;
    static final int SCRYPT_LENGTH = 64;

    private final String fileName;
    private final Supplier<Digest> digest;

    HashAlgorithm(String fileName, Supplier<Digest> digest) {
        this.fileName = fileName;
        this.digest = digest;
    }

    /** The name in the authfile's {@code algorithm} field and mkpasswd's {@code -a}. */
    public String fileName() {
        return fileName;
    }

    public static Optional<HashAlgorithm> byFileName(String name) {
        return Arrays.stream(values()).filter(a -> a.fileName.equals(name)).findFirst();
    }

    /** The base64 hash Karapace stores in {@code password_hash}. */
    public String hash(String password, String salt) {
        byte[] raw = derive(password.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(raw);
    }

    /** The raw derived key for these parameters; exposed to the package for the RFC test vectors. */
    byte[] derive(byte[] password, byte[] salt) {
        return this == SCRYPT
                ? SCrypt.generate(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_LENGTH)
                : pbkdf2(digest.get(), password, salt, PBKDF2_ITERATIONS, 0);
    }

    /**
     * PBKDF2-HMAC over raw bytes (the JDK's PBEKeySpec takes chars, which cannot carry every byte string);
     * length 0 means the digest's size, as Python's hashlib.pbkdf2_hmac.
     */
    static byte[] pbkdf2(Digest digest, byte[] password, byte[] salt, int iterations, int length) {
        int bytes = length > 0 ? length : digest.getDigestSize();
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(bytes * 8)).getKey();
    }
}
