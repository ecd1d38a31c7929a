package io.karapace.jvm.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live authfile: logins, rights, and reloads (API.md D.2: "watched and reloaded; a bad reload keeps the old rules"). */
class AuthorizerTest {
    @TempDir
    Path dir;

    private static String file(String password, String resource) {
        UserEntry alice = UserEntry.create("alice", HashAlgorithm.SHA256, password, "pepper");
        return "{\"users\": [" + alice.toJson() + "], \"permissions\": [{\"username\": \"alice\","
                + " \"operation\": \"Read\", \"resource\": \"" + resource + "\"}]}";
    }

    /** Editors and config tools replace the file by renaming a new one over it. */
    private Path replace(Path target, String content) throws IOException {
        Path next = Files.writeString(dir.resolve("next.json"), content);
        return Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void authenticatesKnownUsersOnly() throws IOException {
        Path path = Files.writeString(dir.resolve("auth.json"), file("pw", "Subject:a.*"));
        try (Authorizer authorizer = Authorizer.open(path)) {
            assertEquals(Optional.of(new Principal("alice")), authorizer.authenticate("alice", "pw"));
            // the second login is answered from the cache and must agree
            assertEquals(Optional.of(new Principal("alice")), authorizer.authenticate("alice", "pw"));
            assertEquals(Optional.empty(), authorizer.authenticate("alice", "wrong"));
            assertEquals(Optional.empty(), authorizer.authenticate("bob", "pw"));
            Access access = authorizer.access(new Principal("alice"));
            assertTrue(access.mayRead("abc"));
            assertFalse(access.mayWrite("abc"));
            assertFalse(access.mayRead("xyz"));
            assertFalse(access.mayReadConfig());
        }
    }

    @Test
    void changedFileAppliesNewRulesAndPasswords() throws IOException {
        Path path = Files.writeString(dir.resolve("auth.json"), file("pw", "Subject:a.*"));
        try (Authorizer authorizer = Authorizer.open(path)) {
            Access access = authorizer.access(new Principal("alice"));
            assertTrue(authorizer.authenticate("alice", "pw").isPresent());
            replace(path, file("new-pw", "Subject:x.*"));

            assertTrue(authorizer.reloadIfChanged());
            assertFalse(access.mayRead("abc"));
            assertTrue(access.mayRead("xyz"));
            // a cached login must not survive a password change
            assertEquals(Optional.empty(), authorizer.authenticate("alice", "pw"));
            assertTrue(authorizer.authenticate("alice", "new-pw").isPresent());
            assertFalse(authorizer.reloadIfChanged());
        }
    }

    @Test
    void brokenFileKeepsTheOldRulesUntilFixed() throws IOException {
        Path path = Files.writeString(dir.resolve("auth.json"), file("pw", "Subject:a.*"));
        try (Authorizer authorizer = Authorizer.open(path)) {
            Access access = authorizer.access(new Principal("alice"));
            replace(path, "{\"users\": [");
            assertFalse(authorizer.reloadIfChanged());
            assertTrue(access.mayRead("abc"));
            assertTrue(authorizer.authenticate("alice", "pw").isPresent());

            Files.delete(path);
            assertFalse(authorizer.reloadIfChanged());
            assertTrue(access.mayRead("abc"));

            replace(path, file("pw", "Subject:x.*"));
            assertTrue(authorizer.reloadIfChanged());
            assertTrue(access.mayRead("xyz"));
            assertFalse(access.mayRead("abc"));
        }
    }

    @Test
    void watcherPicksUpAChangeByItself() throws IOException, InterruptedException {
        Path path = Files.writeString(dir.resolve("auth.json"), file("pw", "Subject:a.*"));
        try (Authorizer authorizer = Authorizer.open(path)) {
            authorizer.watch(Duration.ofMillis(50));
            Access access = authorizer.access(new Principal("alice"));
            replace(path, file("pw", "Subject:x.*"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!access.mayRead("xyz") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(access.mayRead("xyz"));
            assertFalse(access.mayRead("abc"));
        }
    }

    @Test
    void openRefusesAMissingFile() {
        AuthFileException e = assertThrows(AuthFileException.class, () -> Authorizer.open(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
    }
}
