package io.karapace.jvm.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authfile format and rule semantics of API.md D.2 / Karapace 3.9.0 karapace/auth.py. */
class AuthFileTest {
    @TempDir
    Path dir;

    private static final String USER = "{\"username\": \"u\", \"algorithm\": \"sha1\", \"salt\": \"s\","
            + " \"password_hash\": \"h\"}";

    private static AuthRules rules(String permissions) {
        return AuthFile.parse(("{\"users\": [" + USER + "], \"permissions\": [" + permissions + "]}")
                .getBytes(StandardCharsets.UTF_8), "test");
    }

    private static String permission(String operation, String resource) {
        return "{\"username\": \"u\", \"operation\": \"" + operation + "\", \"resource\": \"" + resource + "\"}";
    }

    /** API.md D.2: resource is matched with re.match, anchored at the start only. */
    @Test
    void resourceIsAPrefixMatchLikePythonReMatch() {
        AuthRules rules = rules(permission("Read", "Subject:app"));
        assertTrue(rules.allows("u", Operation.READ, "Subject:app"));
        assertTrue(rules.allows("u", Operation.READ, "Subject:apple"));
        assertFalse(rules.allows("u", Operation.READ, "Subject:myapp"));
        assertFalse(rules.allows("u", Operation.READ, "Config:"));
    }

    /** API.md D.2: Write implies Read; Read grants no Write. */
    @Test
    void writeImpliesReadButNotTheOtherWay() {
        AuthRules rules = rules(permission("Write", "Subject:w.*") + "," + permission("Read", "Config:"));
        assertTrue(rules.allows("u", Operation.READ, "Subject:w1"));
        assertTrue(rules.allows("u", Operation.WRITE, "Subject:w1"));
        assertTrue(rules.allows("u", Operation.READ, "Config:"));
        assertFalse(rules.allows("u", Operation.WRITE, "Config:"));
        assertFalse(rules.allows("other", Operation.READ, "Subject:w1"));
    }

    /** Karapace's own ACL: ".*" grants everything, the global config included. */
    @Test
    void dotStarGrantsConfigAndEverySubject() {
        AuthRules rules = rules(permission("Write", ".*"));
        assertTrue(rules.allows("u", Operation.WRITE, "Config:"));
        assertTrue(rules.allows("u", Operation.WRITE, "Subject:anything"));
    }

    /** Python's named groups are part of the regex syntax Karapace's users may write. */
    @Test
    void pythonNamedGroupsAreUnderstood() {
        AuthRules rules = rules(permission("Read", "Subject:(?P<team>t1)-(?P=team)"));
        assertTrue(rules.allows("u", Operation.READ, "Subject:t1-t1"));
        assertFalse(rules.allows("u", Operation.READ, "Subject:t1-t2"));
    }

    @Test
    void missingFileIsNamed() {
        AuthFileException e = assertThrows(AuthFileException.class, () -> AuthFile.load(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void badJsonIsNamedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"users\": [\n}");
        AuthFileException e = assertThrows(AuthFileException.class, () -> AuthFile.load(file));
        assertTrue(e.getMessage().contains("is not valid JSON") && e.getMessage().contains("line 2"), e.getMessage());
    }

    /** API.md D.2: only sha1, sha256, sha512, scrypt. */
    @Test
    void unknownAlgorithmIsRefused() {
        AuthFileException e = assertThrows(AuthFileException.class, () -> AuthFile.parse(
                "{\"users\": [{\"username\": \"u\", \"algorithm\": \"md5\", \"salt\": \"s\", \"password_hash\": \"h\"}],"
                        .concat(" \"permissions\": []}").getBytes(StandardCharsets.UTF_8), "f"));
        assertEquals("f: users[0].algorithm 'md5' is not one of sha1, sha256, sha512, scrypt", e.getMessage());
    }

    @Test
    void unknownOperationBadRegexAndMissingFieldsAreRefused() {
        assertEquals("test: permissions[0].operation 'Admin' is not one of Read, Write",
                assertThrows(AuthFileException.class, () -> rules(permission("Admin", ".*"))).getMessage());
        assertTrue(assertThrows(AuthFileException.class, () -> rules(permission("Read", "Subject:(")))
                .getMessage().startsWith("test: permissions[0].resource 'Subject:(' is not a valid regular expression"));
        assertEquals("test: permissions[0] needs a string \"resource\"", assertThrows(AuthFileException.class,
                () -> rules("{\"username\": \"u\", \"operation\": \"Read\"}")).getMessage());
        assertEquals("test: \"permissions\" must be a JSON array", assertThrows(AuthFileException.class,
                () -> AuthFile.parse("{\"users\": []}".getBytes(StandardCharsets.UTF_8), "test")).getMessage());
    }
}
