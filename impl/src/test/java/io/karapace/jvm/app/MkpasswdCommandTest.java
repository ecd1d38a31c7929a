package io.karapace.jvm.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.karapace.jvm.auth.AuthFile;
import io.karapace.jvm.auth.AuthRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code karapace-jvm mkpasswd}, the counterpart of Karapace's karapace_mkpasswd (Karapace 3.9.0 karapace/auth.py main). */
class MkpasswdCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MkpasswdCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    /** Karapace's default algorithm is sha512 and its random salt comes from secrets.token_urlsafe(16). */
    @Test
    void defaultsToSha512WithARandomSaltThatTheAuthfileAccepts() throws IOException {
        assertEquals(0, run("-u", "carol", "hunter2"));
        JsonNode entry = new ObjectMapper().readTree(out.toString());
        assertEquals("carol", entry.get("username").asText());
        assertEquals("sha512", entry.get("algorithm").asText());
        assertTrue(entry.get("salt").asText().matches("[A-Za-z0-9_-]{22}"));

        Path file = Files.writeString(dir.resolve("auth.json"), "{\"users\": [" + out + "], \"permissions\": []}");
        AuthRules rules = AuthFile.load(file);
        assertTrue(rules.user("carol").orElseThrow().matches("hunter2"));
    }

    /** Karapace tests/integration/config/karapace.auth.json: admin / admin, scrypt, salt "adminsalt". */
    @Test
    void givenSaltAndAlgorithmReproduceKarapaceEntries() throws IOException {
        assertEquals(0, run("-u", "admin", "-a", "scrypt", "admin", "adminsalt"));
        assertEquals("AG7+ttm/skHjqEZ90yzEkgjy75yaqoucNnQPIP2S++1rYOPXEtm4+AF7WdDGj+J0sIPFdYC9nXYsvkB1xYDYkw==",
                new ObjectMapper().readTree(out.toString()).get("password_hash").asText());
    }

    /** argparse's choices: an unknown algorithm is a usage error (exit 2) with the choices named. */
    @Test
    void unknownAlgorithmIsAUsageError() {
        assertEquals(2, run("-a", "md5", "pw"));
        assertTrue(err.toString().contains("'md5' is not one of sha1, sha256, sha512, scrypt"), err.toString());
        assertTrue(err.toString().contains("Usage: karapace-jvm mkpasswd"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void missingPasswordIsAUsageError() {
        assertEquals(2, run("-u", "x"));
        assertTrue(err.toString().contains("PASSWORD"), err.toString());
    }

    @Test
    void helpListsEveryOption() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        for (String expected : new String[] {"-u, --user", "-a, --algorithm", "PASSWORD", "[SALT]", "sha512"}) {
            assertTrue(help.contains(expected), help);
        }
    }
}
