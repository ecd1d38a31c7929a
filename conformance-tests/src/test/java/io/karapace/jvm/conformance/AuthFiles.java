package io.karapace.jvm.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Authfiles for the security ITs, in Karapace's format (API.md D.2). Hashes are computed here with the
 * JDK's own PBKDF2 (independent of the server's code): base64(PBKDF2-HMAC-SHA256(password, salt, 5000)).
 */
final class AuthFiles {
    static final List<String> MATRIX_USERS = List.of("admin", "reader", "none");
    static final List<String> MATRIX_RULES = List.of(
            rule("admin", "Write", ".*"),
            rule("reader", "Read", "Subject:app.*"),
            rule("reader", "Read", "Config:"));

    private AuthFiles() {
    }

    static String password(String user) {
        return user + "-password";
    }

    static String rule(String user, String operation, String resource) {
        return "{\"username\": \"" + user + "\", \"operation\": \"" + operation + "\", \"resource\": \"" + resource
                + "\"}";
    }

    /** Writes the file by renaming a complete one over it, as configuration tools do. */
    static Path write(Path file, List<String> users, List<String> rules) throws IOException {
        StringBuilder json = new StringBuilder("{\"users\": [");
        for (int i = 0; i < users.size(); i++) {
            String salt = "salt-" + users.get(i);
            json.append(i == 0 ? "" : ", ").append("{\"username\": \"").append(users.get(i))
                    .append("\", \"algorithm\": \"sha256\", \"salt\": \"").append(salt)
                    .append("\", \"password_hash\": \"").append(sha256(password(users.get(i)), salt)).append("\"}");
        }
        json.append("], \"permissions\": [").append(String.join(", ", rules)).append("]}");
        return replace(file, json.toString());
    }

    static Path replace(Path file, String content) throws IOException {
        Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
        return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(String password, String salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 5000, 256);
            return Base64.getEncoder().encodeToString(
                    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
