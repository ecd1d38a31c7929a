package io.karapace.jvm.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads Karapace's {@code registry_authfile} (API.md D.2): {@code {"users": [{username, algorithm, salt,
 * password_hash}], "permissions": [{username, operation, resource}]}}. Every entry is checked up front,
 * so a file that loads cannot fail later.
 */
public final class AuthFile {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private AuthFile() {
    }

    /** @throws AuthFileException naming the first problem */
    public static AuthRules load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new AuthFileException("file " + path + " does not exist");
        } catch (IOException e) {
            throw new AuthFileException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return parse(bytes, path.toString());
    }

    static AuthRules parse(byte[] bytes, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new AuthFileException(source + " is not valid JSON: " + e.getOriginalMessage().replaceAll("\\R", " ")
                    + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new AuthFileException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new AuthFileException(source + " must hold a JSON object with \"users\" and \"permissions\"");
        }
        Map<String, AuthUser> users = new LinkedHashMap<>();
        for (JsonNode entry : array(root, "users", source)) {
            AuthUser user = user(entry, "users[" + users.size() + "]", source);
            users.put(user.username(), user);
        }
        List<Permission> permissions = new ArrayList<>();
        for (JsonNode entry : array(root, "permissions", source)) {
            permissions.add(permission(entry, "permissions[" + permissions.size() + "]", source));
        }
        return new AuthRules(users, permissions);
    }

    private static JsonNode array(JsonNode root, String field, String source) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            throw new AuthFileException(source + ": \"" + field + "\" must be a JSON array");
        }
        return node;
    }

    private static AuthUser user(JsonNode entry, String where, String source) {
        String name = text(entry, "username", where, source);
        String algorithmName = text(entry, "algorithm", where, source);
        HashAlgorithm algorithm = HashAlgorithm.byFileName(algorithmName).orElseThrow(() -> new AuthFileException(
                source + ": " + where + ".algorithm '" + algorithmName + "' is not one of " + names(HashAlgorithm.values())));
        return new AuthUser(name, algorithm, text(entry, "salt", where, source),
                text(entry, "password_hash", where, source));
    }

    private static Permission permission(JsonNode entry, String where, String source) {
        String name = text(entry, "username", where, source);
        String operationName = text(entry, "operation", where, source);
        Operation operation = Operation.byFileName(operationName).orElseThrow(() -> new AuthFileException(
                source + ": " + where + ".operation '" + operationName + "' is not one of Read, Write"));
        String resource = text(entry, "resource", where, source);
        try {
            return new Permission(name, operation, Pattern.compile(pythonToJava(resource)));
        } catch (PatternSyntaxException e) {
            throw new AuthFileException(source + ": " + where + ".resource '" + resource
                    + "' is not a valid regular expression: " + e.getDescription());
        }
    }

    /** Python's named groups {@code (?P<n>..)} and {@code (?P=n)} in Java's spelling; the rest is shared. */
    static String pythonToJava(String regex) {
        return regex.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
    }

    private static String text(JsonNode entry, String field, String where, String source) {
        JsonNode value = entry == null ? null : entry.get(field);
        if (value == null || !value.isTextual()) {
            throw new AuthFileException(source + ": " + where + " needs a string \"" + field + "\"");
        }
        return value.asText();
    }

    private static String names(HashAlgorithm[] values) {
        return Arrays.stream(values).map(HashAlgorithm::fileName).collect(Collectors.joining(", "));
    }
}
