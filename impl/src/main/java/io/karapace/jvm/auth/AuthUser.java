package io.karapace.jvm.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** One entry of the authfile's {@code users}; the hash is never printed. */
public record AuthUser(String username, HashAlgorithm algorithm, String salt, String passwordHash) {

    /** Hashes the candidate and compares in constant time (Karapace uses hmac.compare_digest). */
    public boolean matches(String password) {
        byte[] expected = passwordHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = algorithm.hash(password, salt).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public String toString() {
        return "AuthUser[" + username + ", " + algorithm.fileName() + "]";
    }
}
