package io.karapace.jvm.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@code users} entry as Karapace's {@code karapace_mkpasswd} prints it (Karapace 3.9.0 karapace/auth.py
 * main): {@code username} (when given), {@code algorithm}, {@code salt}, {@code password_hash}, as
 * Python's {@code json.dumps(indent=4)} lays it out.
 */
public record UserEntry(String username, HashAlgorithm algorithm, String salt, String passwordHash) {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Hashes the password; a null salt is replaced by 16 random bytes, url-safe base64 without padding. */
    public static UserEntry create(String username, HashAlgorithm algorithm, String password, String salt) {
        String usedSalt = salt != null ? salt : randomSalt();
        return new UserEntry(username, algorithm, usedSalt, algorithm.hash(password, usedSalt));
    }

    /** What Python's {@code secrets.token_urlsafe(16)} returns: 22 characters of [A-Za-z0-9_-]. */
    public static String randomSalt() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Four-space indent, ", " item and ": " key separators, non-ASCII escaped: Python's json.dumps. */
    public String toJson() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (username != null) {
            fields.put("username", username);
        }
        fields.put("algorithm", algorithm.fileName());
        fields.put("salt", salt);
        fields.put("password_hash", passwordHash);
        return fields.entrySet().stream().map(e -> "    " + quoted(e.getKey()) + ": " + quoted(e.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n}"));
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    @Override
    public String toString() {
        return "UserEntry[" + username + ", " + algorithm.fileName() + "]";
    }
}
